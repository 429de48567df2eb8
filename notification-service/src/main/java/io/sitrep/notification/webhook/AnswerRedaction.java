package io.sitrep.notification.webhook;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * What of a receiver's answer is kept with the attempt: its start (at most a kilobyte is read), with whatever could
 * be a credential or an address replaced by {@value #REDACTED}. A receiver may echo the request it got: the target's
 * path and query (a chat webhook's URL is its credential), the signature, a secret pasted into its configuration.
 */
final class AnswerRedaction {

    static final String REDACTED = "[redacted]";

    private static final Pattern SIGNING_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=_-]+");
    private static final Pattern SIGNATURE = Pattern.compile("v1,[A-Za-z0-9+/=]{16,}");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private AnswerRedaction() {
    }

    /** The body to keep; null for none. */
    static String redact(String body, URI target) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        // PostgreSQL text holds no NUL; the rest is escaped wherever the body is shown.
        String kept = body.replace('\u0000', '\uFFFD');
        String path = target.getRawPath();
        if (path != null && path.length() > 1) {
            kept = kept.replace(path, "/" + REDACTED);
            String decoded = target.getPath();
            if (decoded != null && !decoded.equals(path)) {
                kept = kept.replace(decoded, "/" + REDACTED);
            }
        }
        if (target.getRawQuery() != null && !target.getRawQuery().isEmpty()) {
            kept = kept.replace(target.getRawQuery(), REDACTED);
        }
        kept = SIGNING_SECRET.matcher(kept).replaceAll("whsec_" + REDACTED);
        kept = SIGNATURE.matcher(kept).replaceAll("v1," + REDACTED);
        kept = AUTHORIZATION.matcher(kept).replaceAll("$1 " + REDACTED);
        return EMAIL.matcher(kept).replaceAll(REDACTED);
    }
}
