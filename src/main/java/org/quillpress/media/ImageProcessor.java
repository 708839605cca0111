package org.quillpress.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.luciad.imageio.webp.WebPImageReaderSpi;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns uploaded bytes into the files readers get: the type is read from the bytes (never the name), the
 * canvas size from the header before any pixel is decoded, then the image is decoded (TwelveMonkeys ImageIO
 * for CMYK and odd JPEGs, WebP input), turned upright by its EXIF orientation and written anew at a few
 * widths (Thumbnailator). Nothing of the upload but its pixels survives: no EXIF, GPS, comments or trailing
 * bytes of a polyglot.
 */
final class ImageProcessor {

    /** The widths offered in srcset; the image's own width (at most {@link #MAX_WIDTH}) is added. */
    static final int[] WIDTHS = { 480, 960, 1600 };

    /** Larger originals are scaled down to this: more is never shown and only costs storage. */
    static final int MAX_WIDTH = 2400;

    static final float JPEG_QUALITY = 0.82f;

    /** The formats accepted, as ImageIO's readers name them. */
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "webp");

    private final long maxBytes;
    private final long maxPixels;
    private final StaffText staff;
    private final WebPEncoder webp;

    ImageProcessor(long maxBytes, long maxPixels, StaffText staff, WebPEncoder webp) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.staff = staff;
        this.webp = webp;
    }

    /** One stored width: its JPEG or PNG, and its WebP or null. */
    record Rendition(int width, int height, byte[] bytes, byte[] webp) {
    }

    /**
     * What an upload became: its renditions, smallest first, all in one format, and each in WebP too when
     * {@link #webp()}.
     */
    record Processed(String extension, String mime, List<Rendition> renditions) {
        boolean webp() {
            return renditions.stream().allMatch(r -> r.webp() != null);
        }

        Rendition largest() {
            return renditions.get(renditions.size() - 1);
        }

        String widths() {
            return String.join(",", renditions.stream().map(r -> Integer.toString(r.width())).toList());
        }
    }

    Processed process(byte[] upload) {
        if (upload.length == 0) {
            throw refused(400, staff.messages().mediaErrEmpty());
        }
        checkSize(upload.length);
        BufferedImage decoded = decode(upload);
        BufferedImage upright = ExifFilterUtils.getFilterForOrientation(orientation(upload)).apply(decoded);
        return encode(upright);
    }

    /**
     * The WebP of one of our own stored renditions (for images stored before WebP was written), or empty when
     * WebP cannot be written or the file does not read.
     */
    Optional<byte[]> webpOf(byte[] rendition) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition));
            return image == null ? Optional.empty() : webp.encode(image);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether WebP renditions are written here. */
    boolean writesWebp() {
        return webp.available();
    }

    void checkSize(long size) {
        if (size > maxBytes) {
            throw refused(413, staff.messages().mediaErrTooLarge(maxBytes / (1024 * 1024)));
        }
    }

    private BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = javaReader(ImageIO.getImageReaders(in)).orElseThrow(() -> notAnImage(upload));
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(format)) {
                reader.dispose();
                throw refused(415, staff.messages().mediaErrFormat(format));
            }
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw refused(413, staff.messages().mediaErrPixels(pixels / 1_000_000, maxPixels / 1_000_000));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(warningsInto(warnings));
                BufferedImage image = reader.read(0);
                if (warnings.stream().anyMatch(ImageProcessor::meansCutOff)) {
                    // the JPEG decoder reports a cut-off file as a warning and fills the rest with grey
                    throw corrupt();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw corrupt();
        }
    }

    /**
     * The first reader written in Java: an upload is anyone's bytes, and webp-imageio's reader (there for the
     * writer beside it) would hand them to native code.
     */
    private static Optional<ImageReader> javaReader(Iterator<ImageReader> readers) {
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!(reader.getOriginatingProvider() instanceof WebPImageReaderSpi)) {
                return Optional.of(reader);
            }
            reader.dispose();
        }
        return Optional.empty();
    }

    private static IIOReadWarningListener warningsInto(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    /** Other warnings (an odd ICC profile, say) come with pictures phones make every day. */
    private static boolean meansCutOff(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncated") || text.contains("corrupt");
    }

    /** EXIF orientation 1–8, read without decoding; a photo without it (or with a broken one) is upright. */
    private static Orientation orientation(byte[] upload) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                Orientation orientation = Orientation.typeOf(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
                return orientation == null ? Orientation.TOP_LEFT : orientation;
            }
        } catch (ImageProcessingException | IOException | MetadataException e) {
            // metadata we cannot read is metadata we drop anyway
        }
        return Orientation.TOP_LEFT;
    }

    private Processed encode(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        String extension = alpha ? "png" : "jpg";
        int fullWidth = Math.min(image.getWidth(), MAX_WIDTH);
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w < fullWidth) {
                widths.add(w);
            }
        }
        widths.add(fullWidth);
        List<Rendition> renditions = new ArrayList<>();
        // largest first, each scaled from the one before: far less work than scaling the original four times
        BufferedImage source = image;
        boolean withWebp = webp.available();
        for (int i = widths.size() - 1; i >= 0; i--) {
            source = scale(source, widths.get(i), alpha);
            // WebP at every width or at none: a failed one leaves the image in JPEG/PNG only
            byte[] webpBytes = withWebp ? webp.encode(source).orElse(null) : null;
            withWebp = webpBytes != null;
            renditions.add(0, new Rendition(source.getWidth(), source.getHeight(), write(source, alpha), webpBytes));
        }
        if (!withWebp) {
            renditions.replaceAll(r -> new Rendition(r.width(), r.height(), r.bytes(), null));
        }
        return new Processed(extension, MediaFiles.contentType(extension), renditions);
    }

    private static BufferedImage scale(BufferedImage image, int width, boolean alpha) {
        BufferedImage scaled;
        try {
            scaled = width == image.getWidth() ? image
                    : Thumbnails.of(image).width(width).keepAspectRatio(true).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (scaled.getType() == type) {
            return scaled;
        }
        // JPEG has no alpha and wants plain RGB; palettes and CMYK become RGB here
        BufferedImage plain = new BufferedImage(scaled.getWidth(), scaled.getHeight(), type);
        Graphics2D g = plain.createGraphics();
        try {
            // white behind what JPEG cannot show as transparent; a PNG keeps its transparency
            g.drawImage(scaled, 0, 0, alpha ? null : java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return plain;
    }

    private static byte[] write(BufferedImage image, boolean png) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!png) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            // no metadata argument: the file gets none of the upload's
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private InvalidInputException notAnImage(byte[] upload) {
        String start = new String(upload, 0, Math.min(upload.length, 1024), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        if (start.contains("<svg") || start.contains("<?xml")) {
            return refused(415, staff.messages().mediaErrSvg());
        }
        return refused(415, staff.messages().mediaErrNotImage());
    }

    private InvalidInputException corrupt() {
        return refused(400, staff.messages().mediaErrCorrupt());
    }

    private static InvalidInputException refused(int status, String message) {
        return new InvalidInputException(status, Map.of("file", message));
    }
}
