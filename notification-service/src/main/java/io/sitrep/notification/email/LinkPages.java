package io.sitrep.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML pages the links in emails open, from the templates in {@code templates/}: every value is
 * HTML-escaped (by {@link EmailRenderer#escape}), substituted in one pass; the pages have no script and no
 * inline style, so they render under a strict Content-Security-Policy.
 */
public final class LinkPages {

    /** The policy the pages are served with: nothing may load, and forms post to this service only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");

    private final String page;
    private final String buttonPage;

    public LinkPages() {
        this.page = template("templates/link-page.html");
        this.buttonPage = template("templates/link-button-page.html");
    }

    /** A page that says something. */
    public String message(String title, String message) {
        return render(page, Map.of("title", title, "message", message));
    }

    /** A page with a button that posts to {@code action} (a URL relative to the page). */
    public String button(String title, String message, String button, String action) {
        return render(buttonPage, Map.of("title", title, "message", message, "button", button, "action", action));
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(EmailRenderer.escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String template(String path) {
        try (InputStream in = LinkPages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
