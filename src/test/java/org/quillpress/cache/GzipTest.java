package org.quillpress.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GzipTest {

    @ParameterizedTest(name = "prefix {0} B, fields {1} B, suffix {2} B")
    @CsvSource({ "0, 0, 0", "0, 150, 0", "5000, 0, 5000", "5000, 150, 5000", "1, 1, 1", "70000, 150, 3",
            "3, 150, 70000", "200000, 150, 200000", "5000, 65535, 5000", "5000, 65536, 5000", "100, 140000, 100" })
    void splicedOutputDecompressesToPrefixFieldsAndSuffix(int prefixSize, int fieldsSize, int suffixSize)
            throws IOException {
        byte[] prefix = page(prefixSize, 1);
        byte[] fields = fields(fieldsSize);
        byte[] suffix = page(suffixSize, 2);
        byte[] head = Gzip.head(prefix);
        byte[] tail = Gzip.tail(suffix);

        byte[] spliced = Gzip.splice(head, prefix, fields, tail, suffix);

        assertThat(spliced).hasSize(Gzip.splicedLength(head, fields.length, tail));
        assertThat(gunzip(spliced)).isEqualTo(concat(prefix, fields, suffix));
    }

    @ParameterizedTest(name = "{0} B")
    @CsvSource({ "0", "1", "5410", "300000" })
    void wholePageDecompressesToItself(int size) throws IOException {
        byte[] text = page(size, 3);

        assertThat(gunzip(Gzip.whole(text))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} B")
    @CsvSource({ "5000", "50000" })
    void eachVisitorsFieldsComeOutOfTheSameHalves(int size) throws IOException {
        byte[] prefix = page(size, 4);
        byte[] suffix = page(size, 5);
        byte[] head = Gzip.head(prefix);
        byte[] tail = Gzip.tail(suffix);

        for (String token : new String[] { "first-visitor-token", "second", "" }) {
            byte[] fields = token.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(gunzip(Gzip.splice(head, prefix, fields, tail, suffix)), StandardCharsets.UTF_8))
                    .isEqualTo(new String(concat(prefix, fields, suffix), StandardCharsets.UTF_8));
        }
        assertThat(head.length + tail.length).as("the halves are compressed").isLessThan(size);
    }

    /** HTML-like text with some repetition and some randomness, as a page has. */
    private static byte[] page(int size, long seed) {
        Random random = new Random(seed);
        String[] words = { "<p>", "</p>", "<a href=\"/posts/", "\">", "</a>", "comment", "reply", "é", "quill",
                "press", " ", "\n", "<li>", "</li>" };
        StringBuilder text = new StringBuilder(size + 16);
        while (text.length() < size) {
            text.append(random.nextInt(4) == 0 ? Long.toString(random.nextLong(), 36) : words[random.nextInt(words.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, size);
    }

    private static byte[] fields(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
