package org.quillpress.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images made for tests: each one different, so no upload is mistaken for an earlier one. */
public final class TestImages {

    private TestImages() {
    }

    /** A photo-like JPEG with a random gradient. */
    public static byte[] jpeg(int width, int height) {
        return write(image(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A PNG with a transparent corner. */
    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = image(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00000000);
        return write(image, "png");
    }

    /** A JPEG whose EXIF says "turn 90° clockwise to show" (orientation 6), as phones write portrait photos. */
    static byte[] jpegWithOrientation6(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        // APP1 "Exif": a big-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT, 1, value 6
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0)
                .putInt(0);
        byte[] exif = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A tiny PNG whose header claims {@code width} × {@code height}: a decompression bomb's first bytes. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = write(image(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        // IHDR data starts at 16 (8 signature, 4 length, 4 type); its CRC covers type and data (17 bytes)
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage image(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
                new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
