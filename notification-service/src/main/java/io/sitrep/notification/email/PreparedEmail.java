package io.sitrep.notification.email;

import io.sitrep.notification.template.Template;

import java.util.HashMap;
import java.util.Map;

/**
 * An event's email rendered once for all its recipients: subject and bodies are done, the recipient's own unsubscribe
 * and manage links are put in by {@link #fill}, or, for sending, into its MIME form encoded once ({@link #encoded}).
 * Immutable and thread-safe.
 */
public final class PreparedEmail {

    /** The names of the values each recipient has its own of. */
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String MANAGE = "manage";

    private final String subject;
    private final Template.Prepared text;
    private final Template.Prepared html;
    private final boolean withManage;
    /** Made at the first mail: two threads may both make it, and either is the same email. */
    private volatile EncodedEmail encoded;

    /** @param withManage whether the bodies carry a "Manage your subscription" link, which {@link #fill} then needs */
    public PreparedEmail(String subject, Template.Prepared text, Template.Prepared html, boolean withManage) {
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.withManage = withManage;
    }

    public String subject() {
        return subject;
    }

    public Template.Prepared text() {
        return text;
    }

    public Template.Prepared html() {
        return html;
    }

    public boolean withManage() {
        return withManage;
    }

    /** The email for one recipient, exactly as rendering it with these links would give it. */
    public RenderedEmail fill(String unsubscribeUrl, String manageUrl) {
        return new RenderedEmail(subject, text.fill(links(unsubscribeUrl, manageUrl)), html.fill(links(unsubscribeUrl, manageUrl)));
    }

    /** The recipient's own values, by slot name, checked against the links this email needs. */
    Map<String, String> links(String unsubscribeUrl, String manageUrl) {
        if (withManage != (manageUrl != null)) {
            throw new IllegalArgumentException(withManage ? "this email needs a manage link" : "this email has no manage link");
        }
        Map<String, String> links = new HashMap<>(4);
        links.put(UNSUBSCRIBE, unsubscribeUrl);
        if (withManage) {
            links.put(MANAGE, manageUrl);
        }
        return links;
    }

    /** Its MIME form, encoded once, into which each mail puts its {@link #links}. */
    EncodedEmail encoded() {
        EncodedEmail made = encoded;
        if (made == null) {
            made = EncodedEmail.of(subject, text, html);
            encoded = made;
        }
        return made;
    }
}
