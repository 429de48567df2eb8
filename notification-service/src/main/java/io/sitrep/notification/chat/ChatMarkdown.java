package io.sitrep.notification.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Markdown of an update's message into each channel's dialect, for the simple forms people write in
 * incident updates: bold, italics, strike-through, inline code, links and bullet lists. Anything else passes as
 * text. Only http and https links become links.
 */
final class ChatMarkdown {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,500})]\\((https?://[^)\\s]{1,2000})\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|__(?=\\S)(.+?)(?<=\\S)__");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![*\\w])|(?<![_\\w])_(?=\\S)([^_\\n]+?)(?<=\\S)_(?![_\\w])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*[-*+][ \\t]+");
    private static final Pattern MARKER = Pattern.compile("\u0002(\\d+)\u0003");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+)$");

    private ChatMarkdown() {
    }

    /**
     * Slack's mrkdwn: {@code *bold*}, {@code _italic_}, {@code ~strike~}, {@code <url|text>}, bullets as "•", with
     * {@code &}, {@code <} and {@code >} escaped as Slack asks.
     */
    static String slack(String markdown) {
        List<String[]> links = new ArrayList<>();
        String text = protect(markdown, links).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // Markers first, so that the asterisks of bold are not read as italics; \u0001 stands for a bold asterisk.
        text = HEADING.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\u0001" + m.group(1) + "\u0001"));
        text = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\u0001" + first(m) + "\u0001"));
        text = ITALIC.matcher(text).replaceAll(m -> Matcher.quoteReplacement("_" + first(m) + "_"));
        text = STRIKE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("~" + m.group(1) + "~"));
        text = BULLET.matcher(text).replaceAll("• ");
        return restore(text.replace('\u0001', '*'), links, (label, url) -> "<" + url + "|"
                + label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "¦") + ">");
    }

    /**
     * The HTML that Google Chat's card text takes: {@code <b>}, {@code <i>}, {@code <s>}, {@code <a href>} and
     * {@code <br>}, everything else escaped.
     */
    static String googleChat(String markdown) {
        List<String[]> links = new ArrayList<>();
        String text = escapeHtml(protect(markdown, links));
        text = HEADING.matcher(text).replaceAll(m -> Matcher.quoteReplacement("<b>" + m.group(1) + "</b>"));
        text = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement("<b>" + first(m) + "</b>"));
        text = ITALIC.matcher(text).replaceAll(m -> Matcher.quoteReplacement("<i>" + first(m) + "</i>"));
        text = STRIKE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("<s>" + m.group(1) + "</s>"));
        text = BULLET.matcher(text).replaceAll("• ");
        return restore(text, links, (label, url) -> "<a href=\"" + escapeHtml(url) + "\">" + escapeHtml(label) + "</a>")
                .replace("\r\n", "\n").replace("\n", "<br>");
    }

    /**
     * The Markdown of Adaptive Cards' text blocks: bold, italics, lists and links as written; no strike-through (its
     * markers are dropped) and no headings (made bold).
     */
    static String teams(String markdown) {
        String text = HEADING.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement("**" + m.group(1) + "**"));
        return STRIKE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /** Discord's and Mattermost's Markdown: as written. */
    static String markdown(String markdown) {
        return markdown;
    }

    /** Takes the links out of the text, each replaced by a marker that no formatting touches. */
    private static String protect(String markdown, List<String[]> links) {
        String clean = markdown.replace('\u0001', ' ').replace('\u0002', ' ').replace('\u0003', ' ');
        return LINK.matcher(clean).replaceAll(m -> {
            links.add(new String[] {m.group(1), m.group(2)});
            return "\u0002" + (links.size() - 1) + "\u0003";
        });
    }

    /** Puts the links back, each as the channel writes one. */
    private static String restore(String text, List<String[]> links, BiFunction<String, String, String> link) {
        return MARKER.matcher(text).replaceAll(m -> {
            String[] found = links.get(Integer.parseInt(m.group(1)));
            return Matcher.quoteReplacement(link.apply(found[0], found[1]));
        });
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String first(java.util.regex.MatchResult m) {
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
