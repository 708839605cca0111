package org.quillpress.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.quillpress.security.FieldsPage;
import org.quillpress.security.FormFields;

class CachedPageTest {

    private static final PageCache.Fill FILL = new PageCache.Fill("/posts/x", 7, Long.MAX_VALUE, 0,
            new java.util.concurrent.CompletableFuture<>());
    private static final String HTML = "text/html;charset=UTF-8";
    private static final String TOKEN = "visitorTokenAbc123";

    @Test
    void pageWithoutFieldsIsKeptWholeWithAValidatorAndAGzipCopy() {
        String text = "<p>" + "words ".repeat(200) + "</p>";

        CachedPage page = CachedPage.of(FILL, 1000, HTML, null, null, text, null, true, TOKEN);

        assertThat(page).isInstanceOf(CachedPage.Whole.class);
        CachedPage.Whole whole = (CachedPage.Whole) page;
        assertThat(whole.plain().toString(StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(whole.gzip().length()).isLessThan(whole.plain().length());
        assertThat(whole.etag()).matches("W/\"[A-Za-z0-9_-]{22}\"");
        assertThat(whole.cacheControl()).isEqualTo("no-cache");
        assertThat(whole.generation()).isEqualTo(7);
        assertThat(whole.expiresAtMillis()).isEqualTo(1000);
    }

    @Test
    void theApplicationsOwnValidatorAndCachingRulesAreKept() {
        CachedPage page = CachedPage.of(FILL, 1000, "application/atom+xml; charset=UTF-8", "public, max-age=300",
                "W/\"feed\"", null, "<feed/>".getBytes(StandardCharsets.UTF_8), false, null);

        CachedPage.Whole whole = (CachedPage.Whole) page;
        assertThat(whole.etag()).isEqualTo("W/\"feed\"");
        assertThat(whole.cacheControl()).isEqualTo("public, max-age=300");
        assertThat(whole.gzip()).as("compression off").isNull();
    }

    @Test
    void pageWithFieldsIsCutAroundThem() {
        String fields = FormFields.START + "<input value=\"" + TOKEN + "\">" + FormFields.END;
        String text = "<form>" + fields + "<button>Send</button></form>";

        CachedPage page = CachedPage.of(FILL, 1000, HTML, null, null, text, null, true, TOKEN);

        assertThat(page).isInstanceOf(CachedPage.WithFields.class);
        CachedPage.WithFields split = (CachedPage.WithFields) page;
        assertThat(new String(split.prefix(), StandardCharsets.UTF_8)).isEqualTo("<form>");
        assertThat(new String(split.suffix(), StandardCharsets.UTF_8)).isEqualTo("<button>Send</button></form>");
        assertThat(split.cacheControl()).isEqualTo("private, no-cache");
        assertThat(split.gzipHead()).isNotNull();
    }

    @Test
    void pageThatHandsOverItsFieldsApartIsKeptAsItsPartsWithoutASearchOrACopy() {
        byte[] before = "<form>é".getBytes(StandardCharsets.UTF_8);
        byte[] fields = (FormFields.START + "<input value=\"" + TOKEN + "\">" + FormFields.END)
                .getBytes(StandardCharsets.UTF_8);
        byte[] after = "<button>Send</button></form>".getBytes(StandardCharsets.UTF_8);

        CachedPage page = CachedPage.of(FILL, 1000, HTML, null, new FieldsPage(before, fields, after), true);

        CachedPage.WithFields split = (CachedPage.WithFields) page;
        assertThat(split.prefix()).isSameAs(before);
        assertThat(split.suffix()).isSameAs(after);
        assertThat(split.cacheControl()).isEqualTo("private, no-cache");
    }

    @Test
    void pageShowingTheVisitorsTokenOutsideTheFieldsIsNotKept() {
        String text = "<form><input name=\"csrf-token\" value=\"" + TOKEN + "\"></form>";

        assertThat(CachedPage.of(FILL, 1000, HTML, null, null, text, null, true, TOKEN)).isNull();
        assertThat(CachedPage.of(FILL, 1000, HTML, null, null,
                FormFields.START + FormFields.END + text, null, true, TOKEN)).isNull();
    }

    @Test
    void pageWithTwoFieldsRegionsIsNotKept() {
        String region = FormFields.START + "<input>" + FormFields.END;

        assertThat(CachedPage.of(FILL, 1000, HTML, null, null, region + "<hr>" + region, null, true, TOKEN))
                .isNull();
        assertThat(CachedPage.of(FILL, 1000, HTML, null, null, FormFields.START + "unclosed", null, true, TOKEN))
                .isNull();
    }

    @Test
    void theSearchFindsEveryFirstOccurrenceANaiveScanFinds() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 2000; round++) {
            // a small alphabet, so that near misses and overlaps are common
            byte[] hay = new byte[random.nextInt(200)];
            for (int i = 0; i < hay.length; i++) {
                hay[i] = (byte) "ab<-!q".charAt(random.nextInt(6));
            }
            byte[] needle = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < needle.length; i++) {
                needle[i] = (byte) "ab<-!q".charAt(random.nextInt(6));
            }
            int from = random.nextInt(hay.length + 2) - 1;
            assertThat(CachedPage.indexOf(hay, needle, from)).as("round %d", round).isEqualTo(naive(hay, needle, from));
        }
        byte[] page = ("<p>" + "x".repeat(5000) + "\u00e9" + FormFields.START + "</p>").getBytes(StandardCharsets.UTF_8);
        assertThat(CachedPage.indexOf(page, CachedPage.FIELDS_START, 0)).isEqualTo(5005);
    }

    private static int naive(byte[] hay, byte[] needle, int from) {
        outer: for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
