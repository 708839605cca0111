package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SplicedPageTest {

    @Test
    void theSharedBytesTakeTheSlotsAndTheRestIsEncodedAroundThem() {
        PostPageParts.Shared shared = PostPageParts.Shared.of("<article>Müller’s “café”</article>",
                "<ol><li>Ωμέγα 🚀</li></ol>", 1, 1);
        String rendered = "<html>é " + SplicedPage.SLOTS.article() + " — " + SplicedPage.SLOTS.discussion()
                + " <form>ß</form></html>";

        byte[] page = SplicedPage.splice(rendered, shared);

        assertThat(new String(page, StandardCharsets.UTF_8)).isEqualTo(
                "<html>é <article>Müller’s “café”</article> — <ol><li>Ωμέγα 🚀</li></ol> <form>ß</form></html>");
    }

    @Test
    void aTemplateWithoutItsSlotsIsAnErrorNotAPageWithoutItsArticle() {
        PostPageParts.Shared shared = PostPageParts.Shared.of("a", "d", 1, 0);

        assertThatThrownBy(() -> SplicedPage.splice("<html>" + SplicedPage.SLOTS.discussion() + "</html>", shared))
                .isInstanceOf(IllegalStateException.class);
    }
}
