package io.sitrep.notification.template;

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
    private final Template thanksPage;
    private final Template managePage;

    public LinkPages() {
        this.page = Template.html("templates/link-page.html");
        this.buttonPage = Template.html("templates/link-button-page.html");
        this.thanksPage = Template.html("templates/thanks-page.html");
        this.managePage = Template.html("templates/manage-page.html");
    }

    /** A page that says something and links back to the status page {@code pageName} at {@code pageUrl}. */
    public String withPageLink(String title, String message, String pageName, String pageUrl) {
        return thanksPage.render(Map.of("title", title, "message", message, "page", pageName, "pageurl", pageUrl));
    }

    /**
     * The manage page of an email subscription: its components as ticked boxes, a field for more, Save and
     * Unsubscribe buttons that post to {@code action}.
     */
    public String manage(String pageName, String pageUrl, String address, java.util.List<String> components, String action) {
        return managePage.render(Map.of("page", pageName, "pageurl", pageUrl, "address", address,
                "chosen", components.isEmpty() ? "every component" : String.join(", ", components),
                "components", components.stream().map(c -> Map.of("component", c)).toList(), "action", action));
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
        return new Template(template, Template::escape).render(values);
    }
}
