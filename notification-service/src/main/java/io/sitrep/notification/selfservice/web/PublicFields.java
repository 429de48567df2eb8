package io.sitrep.notification.selfservice.web;

import io.sitrep.notification.selfservice.SelfService;
import io.sitrep.notification.subscription.EmailAddress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a public subscription request's fields, the same for JSON and the form: sizes, no control characters,
 * an address that looks like one, component ids. A field that breaks one is named in the refusal.
 */
final class PublicFields {

    static final int MAX_EMAIL = EmailAddress.MAX_LENGTH;
    static final int MAX_URL = 2000;
    static final int MAX_HONEYPOT = 200;
    static final int MAX_COMPONENTS = 100;
    static final String COMPONENT = "^[a-z0-9][a-z0-9._-]{0,63}$";

    private static final Pattern COMPONENT_ID = Pattern.compile(COMPONENT);

    /** A field that breaks its rule. */
    static final class Rejected extends RuntimeException {

        private final String field;

        Rejected(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private PublicFields() {
    }

    /**
     * The request these fields make.
     *
     * @throws Rejected naming the first field that breaks its rule
     */
    static SelfService.Request request(String email, List<String> components, String website, String webhookUrl, String contactEmail) {
        String honeypot = text("website", website, MAX_HONEYPOT);
        Set<String> chosen = components(components);
        String url = text("webhookUrl", webhookUrl, MAX_URL);
        if (url != null && !url.isBlank()) {
            if (email != null && !email.isBlank()) {
                throw new Rejected("email", "is for an email subscription; a webhook names its contactEmail");
            }
            String contact = address("contactEmail", contactEmail);
            if (contact == null) {
                throw new Rejected("contactEmail", "is required with webhookUrl: it confirms the webhook and is told when it is disabled");
            }
            return new SelfService.Request(null, chosen, honeypot, url.strip(), contact);
        }
        if (contactEmail != null && !contactEmail.isBlank()) {
            throw new Rejected("contactEmail", "is for a webhook subscription, with webhookUrl");
        }
        String address = address("email", email);
        if (address == null) {
            throw new Rejected("email", "is required: the address to notify");
        }
        return new SelfService.Request(address, chosen, honeypot, null, null);
    }

    private static String address(String field, String value) {
        String text = text(field, value, MAX_EMAIL);
        if (text == null || text.isBlank()) {
            return null;
        }
        return EmailAddress.of(text).orElseThrow(() -> new Rejected(field, "must be an email address such as someone@example.com"));
    }

    private static Set<String> components(List<String> components) {
        if (components == null) {
            return Set.of();
        }
        if (components.size() > MAX_COMPONENTS) {
            throw new Rejected("components", "may name at most " + MAX_COMPONENTS + " components");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < components.size(); i++) {
            String component = components.get(i);
            if (component == null || !COMPONENT_ID.matcher(component).matches()) {
                throw new Rejected("components[" + i + "]", "must be a component id: lower-case letters, digits, '.', '_' and '-', at most 64");
            }
            chosen.add(component);
        }
        return chosen;
    }

    /** The value, checked for its length and for control characters; null when absent. */
    private static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new Rejected(field, "must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)) || Character.getType(value.charAt(i)) == Character.FORMAT
                    || Character.isSurrogate(value.charAt(i)) && !validSurrogateAt(value, i)) {
                throw new Rejected(field, "must not contain control characters");
            }
        }
        return value;
    }

    private static boolean validSurrogateAt(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
