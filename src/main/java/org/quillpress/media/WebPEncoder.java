package org.quillpress.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jboss.logging.Logger;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;

/**
 * Writes the WebP renditions beside the JPEG/PNG ones, with libwebp (webp-imageio, which bundles it for Linux,
 * macOS and Windows). WebP is an extra: when the native library cannot be loaded on this machine, the first
 * failure is logged and no WebP is written again until restart, and uploads go on with JPEG/PNG alone. Only our
 * own decoded pixels reach native code here; uploads are decoded by TwelveMonkeys (pure Java).
 */
final class WebPEncoder {

    /** Lossy, like the JPEGs; about a third smaller than them at the same look. */
    static final float QUALITY = 0.8f;

    private static final Logger LOG = Logger.getLogger(WebPEncoder.class);

    private final Supplier<ImageWriter> writers;
    private final AtomicBoolean available;

    /** The encoder of libwebp; {@code enabled} false (configuration) writes no WebP at all. */
    static WebPEncoder libwebp(boolean enabled) {
        return new WebPEncoder(() -> new WebPImageWriterSpi().createWriterInstance(null), enabled);
    }

    WebPEncoder(Supplier<ImageWriter> writers, boolean enabled) {
        this.writers = writers;
        this.available = new AtomicBoolean(enabled);
    }

    /** Whether WebP files are written: enabled and the native library has not failed. */
    boolean available() {
        return available.get();
    }

    /** The image as WebP, without metadata; empty when WebP cannot be written (logged once). */
    Optional<byte[]> encode(BufferedImage image) {
        if (!available.get()) {
            return Optional.empty();
        }
        ImageWriter writer = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer = writers.get();
            writer.setOutput(out);
            WebPWriteParam param = new WebPWriteParam(null);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(CompressionType.Lossy);
            param.setCompressionQuality(QUALITY);
            // no metadata argument: the file gets none
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (LinkageError e) {
            // the native library is missing or does not load here: it will not load later either
            if (available.compareAndSet(true, false)) {
                LOG.warnf("WebP renditions are off: libwebp could not be loaded on this machine (%s). Images are "
                        + "served as JPEG and PNG only.", e.toString());
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "Could not write a WebP rendition; this image is served as JPEG or PNG only");
            return Optional.empty();
        } finally {
            if (writer != null) {
                writer.dispose();
            }
        }
        return Optional.of(bytes.toByteArray());
    }
}
