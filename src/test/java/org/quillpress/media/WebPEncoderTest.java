package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** The WebP writer, and an upload where libwebp cannot be loaded. */
class WebPEncoderTest {

    @Test
    void writesAWebPThatDecodesAtItsSize() {
        byte[] webp = WebPEncoder.libwebp(true).encode(TestImages.decode(TestImages.jpeg(640, 480))).orElseThrow();

        // (?s): the four size bytes may be a line break to the regex (0x0A, 0x0D, 0x85), which "." does not match
        assertThat(new String(webp, 0, 16, StandardCharsets.ISO_8859_1)).matches("(?s)RIFF....WEBPVP8 ");
        assertThat(TestImages.decode(webp).getWidth()).isEqualTo(640);
        assertThat(TestImages.decode(webp).getHeight()).isEqualTo(480);
    }

    @Test
    void withoutTheNativeLibraryUploadsAreJpegOnlyAndThatIsLoggedOnce() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(WebPEncoder.class.getName());
        logger.addHandler(handler);
        try {
            WebPEncoder missing = new WebPEncoder(() -> {
                throw new UnsatisfiedLinkError("no webp-imageio in java.library.path");
            }, true);
            ImageProcessor processor = new ImageProcessor(20_000_000, 50_000_000, null, missing);

            ImageProcessor.Processed first = processor.process(TestImages.jpeg(1200, 800));
            ImageProcessor.Processed second = processor.process(TestImages.jpeg(700, 500));

            assertThat(first.extension()).isEqualTo("jpg");
            assertThat(first.widths()).isEqualTo("480,960,1200");
            assertThat(first.webp()).isFalse();
            assertThat(first.renditions()).allSatisfy(r -> assertThat(r.webp()).isNull());
            assertThat(second.webp()).isFalse();
            assertThat(missing.available()).isFalse();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getMessage()).contains("WebP renditions are off");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aTransparentImageGetsWebPBesideItsPng() {
        ImageProcessor processor = new ImageProcessor(20_000_000, 50_000_000, null, WebPEncoder.libwebp(true));

        ImageProcessor.Processed png = processor.process(TestImages.transparentPng(600, 300));

        assertThat(png.extension()).isEqualTo("png");
        assertThat(TestImages.decode(png.largest().bytes()).getRGB(0, 0) >>> 24).as("png alpha").isEqualTo(0);
        assertThat(png.webp()).isTrue();
        // an extended WebP with an alpha chunk: the transparency is kept
        assertThat(new String(png.largest().webp(), StandardCharsets.ISO_8859_1)).startsWith("RIFF")
                .contains("WEBPVP8X").contains("ALPH");
    }
}
