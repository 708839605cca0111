package org.quillpress.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one place where user Markdown becomes HTML. Rendering happens once, on save; the output of
 * {@link #renderPost} is the only HTML that templates print unescaped.
 */
@ApplicationScoped
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create());

    /** Only these link schemes survive; commonmark's default sanitizer alone would let data: through. */
    private static final Set<String> PROTOCOLS = Set.of("http", "https", "mailto");

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer postRenderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .sanitizeUrls(true).urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS)).build();

    /** The allow-list applied after rendering: formatting, blocks, links, tables, code and images. */
    private static final PolicyFactory POST_POLICY = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("a", "pre", "code", "hr", "br", "del", "s", "blockquote", "ul", "ol", "li", "dl", "dt",
                    "dd", "table", "thead", "tbody", "tr", "th", "td", "img", "figure", "figcaption", "abbr", "cite",
                    "q", "kbd", "sup", "sub", "mark")
            .allowUrlProtocols(PROTOCOLS.toArray(String[]::new))
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
            .allowAttributes("class").matching(java.util.regex.Pattern.compile("language-[A-Za-z0-9+#_-]{1,40}"))
            .onElements("code")
            .allowAttributes("title").onElements("abbr")
            .requireRelsOnLinks("noopener")
            .toFactory();

    /** Renders an author's Markdown to safe HTML. */
    public String renderPost(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        return POST_POLICY.sanitize(postRenderer.render(document));
    }

    /** The text of the first paragraph of some Markdown, for excerpts and descriptions. */
    public String firstParagraphText(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Paragraph) {
                return org.commonmark.renderer.text.TextContentRenderer.builder().build().render(node).trim();
            }
        }
        return "";
    }
}
