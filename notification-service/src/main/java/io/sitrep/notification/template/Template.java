package io.sitrep.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return prepare(values, Set.of()).fill(Map.of());
    }

    /**
     * The template rendered but for the values named {@code later}, which {@link Prepared#fill} puts in: for a text sent
     * to many readers that differs only in a few values of each (a recipient's own links). A section of a later value is
     * kept: that value must be there when filled. Filling gives exactly what {@link #render} gives with the same values.
     */
    public Prepared prepare(Map<String, ?> values, Set<String> later) {
        Matcher sections = SECTION.matcher(source);
        Pieces out = new Pieces(later);
        int from = 0;
        while (sections.find()) {
            substitute(source.substring(from, sections.start()), values, out);
            String name = sections.group(1);
            Object value = values.get(name);
            String inner = sections.group(2);
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, Object> merged = new HashMap<>(values);
                    ((Map<?, ?>) item).forEach((k, v) -> merged.put((String) k, v));
                    substitute(inner, merged, out);
                }
            } else if (later.contains(name) || value instanceof String text && !text.isEmpty()
                    || value instanceof Markup markup && !markup.html().isEmpty()) {
                substitute(inner, values, out);
            }
            from = sections.end();
        }
        substitute(source.substring(from), values, out);
        return out.prepared(escaper);
    }

    /**
     * A rendered template with a few values still to put in: literal text between named slots. Immutable and
     * thread-safe.
     */
    public static final class Prepared {

        private final List<String> literals;
        private final List<String> slots;
        private final UnaryOperator<String> escaper;
        private final int length;

        private Prepared(List<String> literals, List<String> slots, UnaryOperator<String> escaper) {
            this.literals = List.copyOf(literals);
            this.slots = List.copyOf(slots);
            this.escaper = escaper;
            this.length = literals.stream().mapToInt(String::length).sum();
        }

        /** The text with the later values in place, escaped as the template escapes; each must be a string that is not empty. */
        public String fill(Map<String, String> values) {
            StringBuilder out = new StringBuilder(length + 128 * slots.size());
            for (int i = 0; i < slots.size(); i++) {
                out.append(literals.get(i));
                String value = values.get(slots.get(i));
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException("no value for {{" + slots.get(i) + "}}");
                }
                out.append(escaper.apply(value));
            }
            return out.append(literals.get(slots.size())).toString();
        }

        /** The literal text around the slots: one more than there are slots. */
        public List<String> literals() {
            return literals;
        }

        /** The names of the values put in between the literals, in order. */
        public List<String> slots() {
            return slots;
        }

        /** A value as {@link #fill} puts it in: escaped as the template escapes. */
        public String escape(String value) {
            return escaper.apply(value);
        }
    }

    /** What a rendering writes: text, and the slots of the values put in later. */
    private static final class Pieces {

        private final Set<String> later;
        private final List<String> literals = new ArrayList<>();
        private final List<String> slots = new ArrayList<>();
        private StringBuilder current = new StringBuilder(1024);

        Pieces(Set<String> later) {
            this.later = later;
        }

        StringBuilder text() {
            return current;
        }

        void slot(String name) {
            literals.add(current.toString());
            slots.add(name);
            current = new StringBuilder(1024);
        }

        Prepared prepared(UnaryOperator<String> escaper) {
            literals.add(current.toString());
            return new Prepared(literals, slots, escaper);
        }
    }

    /** Appends a piece of the template with its placeholders replaced: values are escaped and never read again. */
    private void substitute(String piece, Map<String, ?> values, Pieces out) {
        Matcher m = PLACEHOLDER.matcher(piece);
        while (m.find()) {
            String name = m.group(1);
            if (out.later.contains(name)) {
                m.appendReplacement(out.text(), "");
                out.slot(name);
                continue;
            }
            Object value = values.get(name);
            if (value instanceof Markup markup) {
                m.appendReplacement(out.text(), Matcher.quoteReplacement(markup.html()));
                continue;
            }
            if (!(value instanceof String text)) {
                throw new IllegalArgumentException("no value for {{" + name + "}}");
            }
            m.appendReplacement(out.text(), Matcher.quoteReplacement(escaper.apply(text)));
        }
        m.appendTail(out.text());
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
