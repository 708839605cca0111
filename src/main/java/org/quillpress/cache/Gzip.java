package org.quillpress.cache;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) of cached pages, computed once per stored page ({@link GzipCopy}). A page with per-visitor form
 * fields is kept as two compressed halves, so each response costs no compression:
 * <ol>
 * <li>{@link #head}: the gzip header and the text before the fields, raw deflate ended by a sync flush,
 * which leaves the stream byte-aligned and open (no final block);</li>
 * <li>per response, the fields as stored (uncompressed) deflate blocks: header byte 0x00 (not final, type
 * stored), then LEN and its complement NLEN, little-endian, then the bytes (RFC 1951, 3.2.4);</li>
 * <li>{@link #tail}: the text after the fields, compressed by a fresh raw deflater up to its final block;</li>
 * <li>the trailer: CRC-32 and length of the whole text, computed per response (a CRC-32 of a page costs
 * microseconds).</li>
 * </ol>
 * The tail starts with an empty window, so it cannot refer back into the text before it; that costs a
 * little compression and nothing else.
 */
final class Gzip {

    /** Precomputed once per stored page, so the best ratio is worth its time. */
    static final int LEVEL = Deflater.BEST_COMPRESSION;

    /** Magic, method deflate, no flags, no time, no extra flags, OS unknown. */
    private static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

    /** The most a stored block can hold. */
    private static final int MAX_STORED = 65_535;

    private Gzip() {
    }

    /** The whole of {@code text} as one gzip member. */
    static byte[] whole(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 3 + 64);
        out.writeBytes(HEADER);
        out.writeBytes(deflate(text, true));
        writeTrailer(out, crc(text), text.length);
        return out.toByteArray();
    }

    /** The gzip header and {@code prefix}, compressed and sync-flushed: the stream stays open. */
    static byte[] head(byte[] prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length / 3 + 64);
        out.writeBytes(HEADER);
        out.writeBytes(deflate(prefix, false));
        return out.toByteArray();
    }

    /** {@code suffix} compressed from a fresh window, ending with the final block (no trailer). */
    static byte[] tail(byte[] suffix) {
        return deflate(suffix, true);
    }

    /** The size {@link #splice} writes for fields of {@code fieldsLength} bytes. */
    static int splicedLength(byte[] head, int fieldsLength, byte[] tail) {
        int blocks = Math.max(1, (fieldsLength + MAX_STORED - 1) / MAX_STORED);
        return head.length + blocks * 5 + fieldsLength + tail.length + 8;
    }

    /**
     * A complete gzip member of {@code prefix + fields + suffix}, from the precomputed {@code head} (of the
     * prefix) and {@code tail} (of the suffix), with the fields in between as stored blocks.
     */
    static byte[] splice(byte[] head, byte[] prefix, byte[] fields, byte[] tail, byte[] suffix) {
        byte[] out = new byte[splicedLength(head, fields.length, tail)];
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        int offset = 0;
        do {
            int length = Math.min(MAX_STORED, fields.length - offset);
            out[at++] = 0; // BFINAL 0, BTYPE 00 (stored), padding: the sync flush left us on a byte boundary
            out[at++] = (byte) length;
            out[at++] = (byte) (length >>> 8);
            out[at++] = (byte) ~length;
            out[at++] = (byte) (~length >>> 8);
            System.arraycopy(fields, offset, out, at, length);
            at += length;
            offset += length;
        } while (offset < fields.length);
        System.arraycopy(tail, 0, out, at, tail.length);
        at += tail.length;
        CRC32 crc = new CRC32();
        crc.update(prefix);
        crc.update(fields);
        crc.update(suffix);
        long size = (long) prefix.length + fields.length + suffix.length;
        writeIntLE(out, at, crc.getValue());
        writeIntLE(out, at + 4, size);
        return out;
    }

    /** Raw deflate of {@code input}: up to the final block when {@code finish}, else up to a sync flush. */
    private static byte[] deflate(byte[] input, boolean finish) {
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(input);
            if (finish) {
                deflater.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 3 + 64);
            byte[] chunk = new byte[16 * 1024];
            while (true) {
                int n = deflater.deflate(chunk, 0, chunk.length, finish ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                out.write(chunk, 0, n);
                // a sync flush is complete once the deflater leaves room in the buffer (see Deflater.deflate)
                if (finish ? deflater.finished() : n < chunk.length) {
                    break;
                }
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static long crc(byte[] text) {
        CRC32 crc = new CRC32();
        crc.update(text);
        return crc.getValue();
    }

    private static void writeTrailer(ByteArrayOutputStream out, long crc, long size) {
        byte[] trailer = new byte[8];
        writeIntLE(trailer, 0, crc);
        writeIntLE(trailer, 4, size);
        out.writeBytes(trailer);
    }

    /** The low 32 bits of {@code value}, little-endian (ISIZE is the length modulo 2^32). */
    private static void writeIntLE(byte[] out, int at, long value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
    }
}
