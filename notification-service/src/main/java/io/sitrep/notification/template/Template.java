package io.sitrep.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template of {@code templates/}, rendered in one pass with every value escaped by the template's own escaper:
 * HTML-escaped in HTML, stripped of control characters in plain text. {@code {{name}}} is a value;
 * {@code {{#name}}…{{/name}}} is kept only when {@code name} has a value that is not empty, and repeated for
 * each item when the value is a list. A {@link Markup} value goes in as it is: HTML that is safe already,
 * such as rendered Markdown. A value is never read as a template, and a placeholder without a value
 * is an error.
 */
public final class Template {

    private static final Pattern SECTION = Pattern.compile("\\{\\{#([a-z]+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");

    private final String source;
    private final UnaryOperator<String> escaper;

    /** HTML that is safe as it is (sanitized rendered Markdown), put into a template without escaping. */
    public record Markup(String html) {
    }

    Template(String source, UnaryOperator<String> escaper) {
        this.source = source;
        this.escaper = escaper;
    }

    /** An HTML template of the class path; values are HTML-escaped. */
    public static Template html(String path) {
        return new Template(read(path), Template::escape);
    }

    /** A plain-text template of the class path; values lose their control characters but line breaks and tabs. */
    public static Template text(String path) {
        return new Template(read(path), Template::plain);
    }

    /**
     * The template with {@code values} in place; a null value is no value. A value is a string, or, for a section,
     * a list of items (maps of strings): the section is repeated for each, its placeholders taking the item's
     * values before the others.
     */
    public String render(Map<String, ?> values) {
        Matcher sections = SECTION.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 512);
        int from = 0;
        while (sections.find()) {
            substitute(source.substring(from, sections.start()), values, out);
            Object value = values.get(sections.group(1));
            String inner = sections.group(2);
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, Object> merged = new HashMap<>(values);
                    ((Map<?, ?>) item).forEach((k, v) -> merged.put((String) k, v));
                    substitute(inner, merged, out);
                }
            } else if (value instanceof String text && !text.isEmpty() || value instanceof Markup markup && !markup.html().isEmpty()) {
                substitute(inner, values, out);
            }
            from = sections.end();
        }
        substitute(source.substring(from), values, out);
        return out.toString();
    }

    /** Appends a piece of the template with its placeholders replaced: values are escaped and never read again. */
    private void substitute(String piece, Map<String, ?> values, StringBuilder out) {
        Matcher m = PLACEHOLDER.matcher(piece);
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value instanceof Markup markup) {
                m.appendReplacement(out, Matcher.quoteReplacement(markup.html()));
                continue;
            }
            if (!(value instanceof String text)) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escaper.apply(text)));
        }
        m.appendTail(out);
    }

    /** Text without control characters but line breaks and tabs (a carriage return goes: lines end in LF). */
    public static String plain(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            } else if (c != '\r') {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static String read(String path) {
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escapes text for HTML, in element content and in quoted attributes. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
