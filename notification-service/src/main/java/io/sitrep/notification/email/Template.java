package io.sitrep.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template of {@code templates/}, rendered in one pass with every value escaped by the template's own escaper:
 * HTML-escaped in HTML, stripped of control characters in plain text. {@code {{name}}} is a value;
 * {@code {{#name}}…{{/name}}} is kept only when {@code name} has a value that is not empty. A value is never
 * read as a template, and a placeholder without a value is an error.
 */
public final class Template {

    private static final Pattern SECTION = Pattern.compile("\\{\\{#([a-z]+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");

    private final String source;
    private final UnaryOperator<String> escaper;

    Template(String source, UnaryOperator<String> escaper) {
        this.source = source;
        this.escaper = escaper;
    }

    /** An HTML template of the class path; values are HTML-escaped. */
    public static Template html(String path) {
        return new Template(read(path), EmailRenderer::escape);
    }

    /** A plain-text template of the class path; values lose their control characters but line breaks and tabs. */
    public static Template text(String path) {
        return new Template(read(path), Template::plain);
    }

    /** The template with {@code values} in place; a null value is no value. */
    public String render(Map<String, String> values) {
        Matcher sections = SECTION.matcher(source);
        StringBuilder kept = new StringBuilder(source.length());
        while (sections.find()) {
            String value = values.get(sections.group(1));
            sections.appendReplacement(kept, Matcher.quoteReplacement(value == null || value.isEmpty() ? "" : sections.group(2)));
        }
        sections.appendTail(kept);
        Matcher m = PLACEHOLDER.matcher(kept);
        StringBuilder out = new StringBuilder(kept.length() + 512);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escaper.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Text without control characters but line breaks and tabs (a carriage return goes: lines end in LF). */
    static String plain(String s) {
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
}
