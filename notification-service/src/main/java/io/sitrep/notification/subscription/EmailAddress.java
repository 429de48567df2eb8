package io.sitrep.notification.subscription;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What passes for an email address wherever one is taken (the status page's form, an admin's import): a plain address,
 * a local part without spaces, quotes or brackets and a domain name with a dot, at most {@link #MAX_LENGTH} characters.
 * Kept with its domain lower-cased; the local part as given.
 */
public final class EmailAddress {

    /** The longest address taken (RFC 5321's path limit less its brackets). */
    public static final int MAX_LENGTH = 254;

    /** The rule as a regular expression, for Bean Validation and the API description. */
    public static final String PATTERN = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";

    private static final Pattern ADDRESS = Pattern.compile(PATTERN);

    private EmailAddress() {
    }

    /** The address as kept (domain lower-cased), or empty when the text is no such address; surrounding blanks are ignored. */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        if (address.length() > MAX_LENGTH || !ADDRESS.matcher(address).matches()) {
            return Optional.empty();
        }
        int at = address.indexOf('@');
        return Optional.of(address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /** What identifies an address among subscriptions: the whole of it lower-cased, as the lookups compare it. */
    public static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
