package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.security.FieldsPage;
import org.quillpress.security.StandIn;
import org.quillpress.web.PageParts;

class SplicedPageTest {

    private static final PostPageParts.Shared SHARED = PostPageParts.Shared.of("<article>Müller’s “café”</article>",
            "<ol><li>Ωμέγα 🚀</li></ol>", 1, 1);

    private static String page(SplicedPage.Skeleton skeleton, SplicedPage.Filling filling) {
        return new String(skeleton.parts(filling).joined(), StandardCharsets.UTF_8);
    }

    @Test
    void theSharedBytesTakeTheSlotsAndTheRestIsEncodedAroundThem() {
        String rendered = "<html>é " + SplicedPage.SLOTS.article() + " — " + SplicedPage.SLOTS.discussion()
                + " <form>ß</form></html>";

        SplicedPage.Skeleton skeleton = SplicedPage.cut(rendered);

        assertThat(page(skeleton, new SplicedPage.Filling(SHARED.article(), SHARED.discussion(), null, null, null)))
                .isEqualTo("<html>é <article>Müller’s “café”</article> — <ol><li>Ωμέγα 🚀</li></ol> <form>ß</form></html>");
    }

    @Test
    void aSkeletonTakesEachVisitorsNameTokenAndFieldsWhereThePlaceholdersWere() {
        AccountPrincipal reader = new AccountPrincipal(7, "ann", "Ann", Role.READER, 1);
        String rendered = StandIn.render(Optional.of(reader),
                () -> "<a>" + StandIn.viewerOr(() -> reader).displayName() + "</a>" + SplicedPage.SLOTS.article()
                        + "<input value=\"" + StandIn.csrfTokenOr(() -> "real") + "\">" + SplicedPage.SLOTS.discussion()
                        + "<p>" + StandIn.viewerOr(() -> reader).displayName() + "</p>" + StandIn.FORM_FIELDS);

        SplicedPage.Skeleton skeleton = SplicedPage.cut(rendered);
        String filled = page(skeleton, new SplicedPage.Filling(SHARED.article(), SHARED.discussion(),
                SplicedPage.escaped("Zoë \"O'Neil\" <b>&"), SplicedPage.bytes("tok"), SplicedPage.bytes("<i>f</i>")));

        assertThat(filled).isEqualTo("<a>Zoë &quot;O&#39;Neil&quot; &lt;b&gt;&amp;</a><article>Müller’s “café”</article>"
                + "<input value=\"tok\"><ol><li>Ωμέγα 🚀</li></ol><p>Zoë &quot;O&#39;Neil&quot; &lt;b&gt;&amp;</p><i>f</i>");
        assertThat(StandIn.viewerOr(() -> reader)).isSameAs(reader);
    }

    @Test
    void aGuestsPageSaysWhereItsFieldsAreAndAPageWithTheVisitorsNameOrTokenElsewhereDoesNot() {
        String guest = StandIn.render(Optional.empty(), () -> "<h1>é</h1>" + SplicedPage.SLOTS.article() + "—"
                + SplicedPage.SLOTS.discussion() + "<form>" + StandIn.FORM_FIELDS + "</form>");
        byte[] fields = SplicedPage.bytes("<!--qp:fields--><input value=\"t\"><!--/qp:fields-->");
        SplicedPage.Filling filling = new SplicedPage.Filling(SHARED.article(), SHARED.discussion(), null, null,
                fields);

        Object entity = SplicedPage.cut(guest).entity(filling);

        assertThat(entity).isInstanceOf(FieldsPage.class);
        FieldsPage page = (FieldsPage) entity;
        assertThat(text(page.before())).isEqualTo("<h1>é</h1><article>Müller’s “café”</article>—"
                + "<ol><li>Ωμέγα 🚀</li></ol><form>");
        assertThat(page.fields()).isSameAs(fields);
        assertThat(text(page.after())).isEqualTo("</form>");

        AccountPrincipal reader = new AccountPrincipal(7, "ann", "Ann", Role.READER, 1);
        String signedIn = StandIn.render(Optional.of(reader), () -> SplicedPage.SLOTS.article()
                + "<input value=\"" + StandIn.csrfTokenOr(() -> "real") + "\">" + SplicedPage.SLOTS.discussion()
                + StandIn.FORM_FIELDS);
        // a signed-in reader's page is its parts, the shared ones as they are kept: nothing copied
        Object readers = SplicedPage.cut(signedIn).entity(new SplicedPage.Filling(SHARED.article(), SHARED.discussion(),
                null, SplicedPage.bytes("tok"), fields));
        assertThat(readers).isInstanceOf(PageParts.class).isNotInstanceOf(FieldsPage.class);
        assertThat(((PageParts) readers).parts()).anySatisfy(part -> assertThat(part).isSameAs(SHARED.article()))
                .anySatisfy(part -> assertThat(part).isSameAs(SHARED.discussion()));
    }

    @Test
    void guestsShareThePageJoinedOnceAroundTheirOwnFieldsWhileTheSharedPartsAreTheKeptOnes() {
        String guest = StandIn.render(Optional.empty(), () -> "<h1>é</h1>" + SplicedPage.SLOTS.article() + "—"
                + SplicedPage.SLOTS.discussion() + "<form>" + StandIn.FORM_FIELDS + "</form>");
        SplicedPage.Skeleton skeleton = SplicedPage.cut(guest).joinedWith(SHARED.article(), SHARED.discussion());

        FieldsPage ann = (FieldsPage) skeleton.entity(new SplicedPage.Filling(SHARED.article(), SHARED.discussion(),
                null, null, SplicedPage.bytes("<i>ann</i>")));
        FieldsPage bob = (FieldsPage) skeleton.entity(new SplicedPage.Filling(SHARED.article(), SHARED.discussion(),
                null, null, SplicedPage.bytes("<i>bob</i>")));

        assertThat(ann.before()).isSameAs(bob.before()).isSameAs(skeleton.around().before());
        assertThat(ann.after()).isSameAs(bob.after());
        assertThat(text(ann.fields())).isEqualTo("<i>ann</i>");
        assertThat(text(bob.fields())).isEqualTo("<i>bob</i>");
        assertThat(skeleton.weight()).isGreaterThan(SplicedPage.cut(guest).weight() + ann.before().length);

        // other shared parts (rendered again since): joined anew, never the kept text of the old ones
        PostPageParts.Shared newer = PostPageParts.Shared.of("<article>new</article>", "<ol></ol>", 1, 0);
        FieldsPage later = (FieldsPage) skeleton.entity(new SplicedPage.Filling(newer.article(), newer.discussion(),
                null, null, SplicedPage.bytes("<i>cy</i>")));
        assertThat(text(later.before())).isEqualTo("<h1>é</h1><article>new</article>—<ol></ol><form>");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aVisitorsValueWithoutASlotIsRefusedNotSharedWithOthers() {
        AccountPrincipal reader = new AccountPrincipal(7, "ann", "Ann", Role.READER, 1);
        String rendered = StandIn.render(Optional.of(reader), () -> SplicedPage.SLOTS.article()
                + SplicedPage.SLOTS.discussion() + "<a href=\"/@" + StandIn.viewerOr(() -> reader).handle() + "\">");

        assertThatThrownBy(() -> SplicedPage.cut(rendered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTemplateWithoutItsSlotsIsAnErrorNotAPageWithoutItsArticle() {
        assertThatThrownBy(() -> SplicedPage.cut("<html>" + SplicedPage.SLOTS.discussion() + "</html>"))
                .isInstanceOf(IllegalStateException.class);
    }
}
