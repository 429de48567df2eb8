package io.sitrep.notification.email;

import java.util.Map;

/**
 * The HTML pages the links in emails open, from the templates in {@code templates/}: every value is
 * HTML-escaped (a {@link Template#html} template), substituted in one pass; the pages have no script and no
 * inline style, so they render under a strict Content-Security-Policy.
 */
public final class LinkPages {

    /** The policy the pages are served with: nothing may load, and forms post to this service only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Template page;
    private final Template buttonPage;

    public LinkPages() {
        this.page = Template.html("templates/link-page.html");
        this.buttonPage = Template.html("templates/link-button-page.html");
    }

    /** A page that says something. */
    public String message(String title, String message) {
        return page.render(Map.of("title", title, "message", message));
    }

    /** A page with a button that posts to {@code action} (a URL relative to the page). */
    public String button(String title, String message, String button, String action) {
        return buttonPage.render(Map.of("title", title, "message", message, "button", button, "action", action));
    }

    static String render(String template, Map<String, String> values) {
        return new Template(template, EmailRenderer::escape).render(values);
    }
}
