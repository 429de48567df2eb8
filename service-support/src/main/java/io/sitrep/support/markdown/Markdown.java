package io.sitrep.support.markdown;

import io.sitrep.support.web.UnsafeText;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the CommonMark (with GFM tables) of update messages, maintenance messages and postmortems as
 * HTML that is safe to put into a page, a feed entry or an email: raw HTML in the source is dropped
 * (its text stays), images become links, headings start at {@code <h3>} so that they sit below the
 * page's own, a line break in a paragraph stays a line break, and the result passes an allow-list
 * sanitizer: no scripts, no event-handler or style attributes, only http, https and mailto links, and
 * every link carries {@code rel="nofollow noopener"} (in an order the sanitizer chooses); a link
 * elsewhere ({@code javascript:}, {@code data:}, …) keeps only its text. Characters no text may carry
 * become U+FFFD.
 * Thread-safe; the Markdown source stays what APIs, webhooks, the stream and plain-text emails carry.
 */
public final class Markdown {

    /** The level of a {@code #} heading: the pages and emails use h1 and h2 for themselves. */
    static final int TOP_HEADING = 3;

    /** Destinations a link may have: http, https or mailto, or relative ones (no scheme before the first '/', '?' or '#'). */
    private static final Pattern SAFE_DESTINATION = Pattern.compile("(?i)(https?:|mailto:|[^:/?#]*([/?#].*)?$).*", Pattern.DOTALL);

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
                    "em", "strong", "del", "a", "table", "thead", "tbody", "tr", "th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}")).onElements("code")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private Markdown() {
    }

    /** The sanitized HTML of {@code source}; empty for null or blank source. */
    public static String toHtml(String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(UnsafeText.replaceUnsafe(source));
        Rewrites rewrites = new Rewrites();
        document.accept(rewrites);
        rewrites.apply();
        return readable(POLICY.sanitize(RENDERER.render(document)));
    }

    /**
     * The sanitizer writes many characters as numeric references (U+FFFD, emoji, '+', '=', '@'); those that
     * need none in text or a quoted attribute are written as themselves again, so that the HTML reads as the
     * text does. Markup characters ({@code & < > " '}) stay references.
     */
    private static String readable(String html) {
        return NUMERIC_REFERENCE.matcher(html).replaceAll(reference -> {
            int codePoint = reference.group(1) != null ? Integer.parseInt(reference.group(1), 16) : Integer.parseInt(reference.group(2));
            boolean markup = codePoint == '&' || codePoint == '<' || codePoint == '>' || codePoint == '"' || codePoint == '\''
                    || codePoint > Character.MAX_CODE_POINT || Character.isISOControl(codePoint)
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
            return Matcher.quoteReplacement(markup ? reference.group() : Character.toString(codePoint));
        });
    }

    /** Collects what to change while visiting and changes it afterwards, so that the walk never sees a moved node. */
    private static final class Rewrites extends AbstractVisitor {

        private final List<Node> dropped = new ArrayList<>();
        private final List<Image> images = new ArrayList<>();
        private final List<Link> unwrapped = new ArrayList<>();

        @Override
        public void visit(Link link) {
            if (!SAFE_DESTINATION.matcher(link.getDestination()).matches()) {
                unwrapped.add(link);
            }
            visitChildren(link);
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            dropped.add(htmlBlock);
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            dropped.add(htmlInline);
        }

        @Override
        public void visit(Image image) {
            images.add(image);
            visitChildren(image);
        }

        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(6, heading.getLevel() + TOP_HEADING - 1));
            visitChildren(heading);
        }

        void apply() {
            dropped.forEach(Node::unlink);
            // A link to somewhere no reader should be sent (javascript:, data:, …) keeps its text only.
            unwrapped.forEach(Rewrites::unwrap);
            for (Image image : images) {
                // A picture from anywhere would let a message load third-party content into the page; its link stays.
                Link link = new Link(image.getDestination(), image.getTitle());
                moveChildren(image, link);
                if (link.getFirstChild() == null) {
                    link.appendChild(new Text(image.getDestination()));
                }
                image.insertAfter(link);
                image.unlink();
                if (!SAFE_DESTINATION.matcher(link.getDestination()).matches()) {
                    unwrap(link);
                }
            }
        }

        private static void unwrap(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
            node.unlink();
        }

        private static void moveChildren(Node from, Node to) {
            Node child = from.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                to.appendChild(child);
                child = next;
            }
        }
    }
}
