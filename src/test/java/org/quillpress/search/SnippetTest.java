package org.quillpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void everythingButTheMarksIsEscaped() {
        String marked = "a <b>" + Snippet.OPEN + "x&y" + Snippet.CLOSE + " \"q\" 'r'";
        assertThat(Snippet.ofMarked(marked).html())
                .isEqualTo("a &lt;b&gt;<mark>x&amp;y</mark> &quot;q&quot; &#39;r&#39;");
    }

    @Test
    void anUnclosedMarkIsClosedAndAStrayCloseIgnored() {
        assertThat(Snippet.ofMarked(Snippet.CLOSE + "a " + Snippet.OPEN + "b").html()).isEqualTo("a <mark>b</mark>");
    }

    @Test
    void plainTextDropsTagsDecodesReferencesAndRemovesMarks() {
        assertThat(PlainText.of("<p>Fish &amp; chips &lt;3 &#39;x&#39; &#x41;" + Snippet.OPEN + "</p><p>next</p>"))
                .isEqualTo("Fish & chips <3 'x' A next");
    }
}
