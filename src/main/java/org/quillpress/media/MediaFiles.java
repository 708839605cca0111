package org.quillpress.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the files of an image are called and where readers fetch them: {@code /media/<hash>-<width>.<ext>}, the
 * extension {@code jpg} or {@code png}, and {@code webp} for the WebP files beside them. The name is the whole
 * key: serving a file needs no database.
 */
public final class MediaFiles {

    /** Where the files are served. */
    public static final String PREFIX = "/media/";

    /** Hex characters of the SHA-256 kept in a name: 96 bits, no accidental collision in any library. */
    static final int HASH_LENGTH = 24;

    /** The extension of the WebP renditions. */
    static final String WEBP = "webp";

    private static final Pattern NAME = Pattern
            .compile("([0-9a-f]{" + HASH_LENGTH + "})-([1-9][0-9]{0,4})\\.(jpg|png|" + WEBP + ")");

    private MediaFiles() {
    }

    /** One stored file, read from its name. */
    public record FileName(String hash, int width, String extension) {
        public String contentType() {
            return MediaFiles.contentType(extension);
        }
    }

    static String name(String hash, int width, String extension) {
        return hash + "-" + width + "." + extension;
    }

    /** The address of a file. */
    public static String url(String fileName) {
        return PREFIX + fileName;
    }

    /** The file a name stands for, or empty for anything that is not one of our names (no path tricks pass). */
    public static Optional<FileName> parse(String name) {
        Matcher m = NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FileName(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
    }

    /** The file an address inside a post points at, such as {@code /media/…-960.jpg} or its absolute form. */
    public static Optional<FileName> fromUrl(String url, String siteUrl) {
        if (url == null) {
            return Optional.empty();
        }
        String path = url.startsWith(siteUrl + PREFIX) ? url.substring(siteUrl.length()) : url;
        return path.startsWith(PREFIX) ? parse(path.substring(PREFIX.length())) : Optional.empty();
    }

    static String contentType(String extension) {
        return switch (extension) {
            case "png" -> "image/png";
            case WEBP -> "image/webp";
            default -> "image/jpeg";
        };
    }
}
