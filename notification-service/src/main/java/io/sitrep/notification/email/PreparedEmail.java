package io.sitrep.notification.email;

import io.sitrep.notification.template.Template;

import java.util.HashMap;
import java.util.Map;

/**
 * An event's email rendered once for all its recipients: subject and bodies are done, the recipient's own unsubscribe
 * and manage links are put in by {@link #fill}. Immutable and thread-safe.
 *
 * @param withManage whether the bodies carry a "Manage your subscription" link, which {@link #fill} then needs
 */
public record PreparedEmail(String subject, Template.Prepared text, Template.Prepared html, boolean withManage) {

    /** The names of the values each recipient has its own of. */
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String MANAGE = "manage";

    /** The email for one recipient, exactly as rendering it with these links would give it. */
    public RenderedEmail fill(String unsubscribeUrl, String manageUrl) {
        if (withManage != (manageUrl != null)) {
            throw new IllegalArgumentException(withManage ? "this email needs a manage link" : "this email has no manage link");
        }
        Map<String, String> links = new HashMap<>(4);
        links.put(UNSUBSCRIBE, unsubscribeUrl);
        if (withManage) {
            links.put(MANAGE, manageUrl);
        }
        return new RenderedEmail(subject, text.fill(links), html.fill(links));
    }
}
