package org.quillpress.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.post.Post;
import org.quillpress.post.PostService;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Uploading, describing and deleting images. */
@ApplicationScoped
public class MediaService {

    static final int MAX_ALT = 1000;
    static final int MAX_CAPTION = 2000;
    static final int MAX_NAME = 255;

    @Inject
    MediaConfig config;

    @Inject
    StaffText staff;

    @Inject
    MediaStore store;

    @Inject
    MediaRenditions renditions;

    @Inject
    Clock clock;

    @Inject
    PostService posts;

    @Inject
    Event<ContentChanged> changed;

    private ImageProcessor processor;
    private Semaphore decoding;

    @PostConstruct
    void init() {
        processor = new ImageProcessor(config.maxSize().asLongValue(), config.maxPixels(), staff,
                WebPEncoder.libwebp(config.webp()));
        decoding = new Semaphore(Math.max(1, config.parallelUploads()), true);
    }

    /** Refuses a file over the size limit, before it is read or decoded. */
    public void checkSize(long size) {
        processor.checkSize(size);
    }

    /** What an upload did: a new entry, or the entry the same file made before. */
    public record Uploaded(Media media, boolean created) {
    }

    /**
     * Processes an upload and stores its files, then its row. All or nothing: when anything fails after a
     * file was written, the files are removed again, so no file is left without a row and no row without
     * its files.
     */
    public Uploaded upload(byte[] bytes, String originalName, String alt, String caption, AccountPrincipal uploader) {
        String cleanAlt = text("alt", alt, MAX_ALT);
        String cleanCaption = text("caption", caption, MAX_CAPTION);
        String name = fileName(originalName);
        checkSize(bytes.length);
        String hash = hash(bytes);
        Media existing = QuarkusTransaction.requiringNew().call(() -> Media.findByHash(hash).orElse(null));
        if (existing != null) {
            return new Uploaded(existing, false);
        }
        ImageProcessor.Processed processed = process(bytes);
        List<String> written = new ArrayList<>();
        try {
            // files first, then the row: a process killed in between leaves files without a row, which the
            // orphan sweep removes an hour later, and never a row whose files are missing
            writeFiles(hash, processed, written);
            Media media = QuarkusTransaction.requiringNew().call(() -> insert(hash, processed, name, bytes.length,
                    cleanAlt, cleanCaption, uploader));
            return new Uploaded(media, true);
        } catch (RuntimeException e) {
            removeUnlessKept(hash, written);
            throw e;
        }
    }

    private ImageProcessor.Processed process(byte[] bytes) {
        decoding.acquireUninterruptibly();
        try {
            return processor.process(bytes);
        } finally {
            decoding.release();
        }
    }

    private void writeFiles(String hash, ImageProcessor.Processed processed, List<String> written) {
        for (ImageProcessor.Rendition rendition : processed.renditions()) {
            String file = MediaFiles.name(hash, rendition.width(), processed.extension());
            store.put(file, rendition.bytes(), processed.mime());
            written.add(file);
            if (rendition.webp() != null) {
                String webp = MediaFiles.name(hash, rendition.width(), MediaFiles.WEBP);
                store.put(webp, rendition.webp(), MediaFiles.contentType(MediaFiles.WEBP));
                written.add(webp);
            }
        }
    }

    /**
     * Puts a new file in place of an image's, keeping its id, alt text and caption: processed like an upload,
     * stored under its own content-hash names, then the row changed. Posts keep the addresses they were
     * written with: the old hash is kept as a former one ({@link MediaPrevious}), so those addresses now
     * name this image, and the posts that show it are rendered again. The old files go after the commit; a
     * reader still holding an old page is sent from an old address to the new file.
     */
    public Media replace(long id, byte[] bytes, String originalName, AccountPrincipal editor) {
        String name = fileName(originalName);
        checkSize(bytes.length);
        String hash = hash(bytes);
        Media current = QuarkusTransaction.requiringNew().call(() -> {
            Media media = editable(id, editor);
            refuseTakenHash(media, hash);
            return media;
        });
        if (current.hash.equals(hash)) {
            return current;
        }
        ImageProcessor.Processed processed = process(bytes);
        List<String> written = new ArrayList<>();
        List<String> oldFiles;
        Media replaced;
        try {
            writeFiles(hash, processed, written);
            record Swapped(Media media, List<String> oldFiles) {
            }
            Swapped swapped = QuarkusTransaction.requiringNew().call(() -> {
                Media media = editable(id, editor);
                refuseTakenHash(media, hash);
                List<String> old = media.fileNames();
                // taking back a hash it had before (or one another image had) makes it current again
                MediaPrevious.delete("hash", hash);
                MediaPrevious previous = new MediaPrevious();
                previous.hash = media.hash;
                previous.media = media;
                previous.replacedAt = clock.instant();
                previous.persist();
                media.hash = hash;
                media.extension = processed.extension();
                media.mime = processed.mime();
                media.widths = processed.widths();
                media.webp = processed.webp();
                media.webpFailedAt = null;
                media.width = processed.largest().width();
                media.height = processed.largest().height();
                media.largestSize = (long) processed.largest().bytes().length;
                media.originalName = name;
                media.originalSize = bytes.length;
                Media.flush();
                renditions.forget(id);
                posts.renderAgainWhereBodyContains(addressPrefixes(media));
                changed.fire(new ContentChanged("a replaced image", false));
                return new Swapped(media, old);
            });
            replaced = swapped.media();
            oldFiles = swapped.oldFiles();
        } catch (RuntimeException e) {
            removeUnlessKept(hash, written);
            throw e;
        }
        // after the commit: forgotten again, in case a page read the old one in between
        renditions.forget(id);
        deleteFiles(oldFiles, "a replaced image");
        return replaced;
    }

    /**
     * Writes the WebP files of up to {@code limit} images stored before WebP renditions were (or while libwebp
     * was off), from their own JPEG/PNG files, and renders again the posts that show them so that they offer
     * the WebP. The media sweep calls it; answers how many images got their WebP.
     */
    public int addMissingWebp(int limit) {
        if (!processor.writesWebp()) {
            return 0;
        }
        List<Media> lacking = QuarkusTransaction.requiringNew().call(
                () -> Media.<Media> find("webp = false and webpFailedAt is null order by id").page(0, limit).list());
        int added = 0;
        for (Media media : lacking) {
            if (writeWebp(media)) {
                added++;
            }
        }
        return added;
    }

    private boolean writeWebp(Media media) {
        List<String> written = new ArrayList<>();
        for (int width : media.widthList()) {
            String file = media.fileName(width);
            // a store that cannot be reached throws, and the next turn tries again; a file that is not there or
            // holds no image the encoder reads stays so
            java.util.Optional<byte[]> webp = readFile(file).flatMap(processor::webpOf);
            if (webp.isEmpty()) {
                // what was written is a file no row names, which the sweep removes
                giveUpWebp(media, file);
                return false;
            }
            String name = media.webpFileName(width);
            store.put(name, webp.get(), MediaFiles.contentType(MediaFiles.WEBP));
            written.add(name);
        }
        boolean marked = QuarkusTransaction.requiringNew().call(() -> {
            Media current = Media.<Media> findByIdOptional(media.id).orElse(null);
            // replaced or deleted meanwhile: these files are nobody's now
            if (current == null || !current.hash.equals(media.hash)) {
                return false;
            }
            current.webp = true;
            Media.flush();
            renditions.forget(current.id);
            posts.renderAgainWhereBodyContains(addressPrefixes(current));
            changed.fire(new ContentChanged("an image's WebP files"));
            return true;
        });
        if (marked) {
            renditions.forget(media.id);
        }
        return marked;
    }

    /**
     * Reads from the store the size of the largest file of up to {@code limit} images stored before sizes were
     * kept, which their feed enclosures need; a file the store does not have counts as 0 bytes (and gets no
     * enclosure). The media sweep calls it; answers how many images got their size.
     */
    public int addMissingSizes(int limit) {
        List<Media> unsized = QuarkusTransaction.requiringNew()
                .call(() -> Media.<Media> find("largestSize is null order by id").page(0, limit).list());
        int sized = 0;
        for (Media media : unsized) {
            long size = store.get(media.fileName(media.width)).map(MediaService::sizeOf).orElse(0L);
            boolean updated = QuarkusTransaction.requiringNew().call(() -> Media
                    .update("largestSize = ?1 where id = ?2 and hash = ?3", size, media.id, media.hash) > 0);
            if (updated) {
                renditions.forget(media.id);
                sized++;
            }
        }
        if (sized > 0) {
            changed.fire(new ContentChanged("image sizes", false));
        }
        return sized;
    }

    private static long sizeOf(MediaStore.Stored stored) {
        try {
            if (stored instanceof MediaStore.LocalFile local) {
                return java.nio.file.Files.size(local.path());
            }
            MediaStore.Streamed streamed = (MediaStore.Streamed) stored;
            streamed.in().close();
            return streamed.length();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Remembers that this image's WebP files cannot be made from {@code file} (missing, or no image the encoder
     * reads), so the sweep stops trying it every turn; the warning is logged this once. Replacing the image
     * gives it new files and a new chance.
     */
    private void giveUpWebp(Media media, String file) {
        Instant now = clock.instant();
        boolean marked = QuarkusTransaction.requiringNew().call(() -> Media
                .update("webpFailedAt = ?1 where id = ?2 and hash = ?3 and webpFailedAt is null", now, media.id,
                        media.hash) > 0);
        if (marked) {
            Log.warnf("The media sweep gives up on WebP files for image %d: its file %s is missing or unreadable",
                    media.id, file);
        }
    }

    private java.util.Optional<byte[]> readFile(String name) {
        return store.get(name).map(stored -> {
            try {
                if (stored instanceof MediaStore.LocalFile local) {
                    return java.nio.file.Files.readAllBytes(local.path());
                }
                try (java.io.InputStream in = ((MediaStore.Streamed) stored).in()) {
                    return in.readAllBytes();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The same file as another image's current one is that image: use it instead. */
    private void refuseTakenHash(Media media, String hash) {
        Media.findByHash(hash).filter(other -> !other.id.equals(media.id)).ifPresent(other -> {
            throw new InvalidInputException(409, Map.of("file", staff.messages().mediaErrDuplicate(other.originalName)));
        });
    }

    /** The starts of every address posts may name this image by: its current and former hashes. */
    private static List<String> addressPrefixes(Media media) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(MediaFiles.PREFIX + media.hash + "-");
        MediaPrevious.hashesOf(media).forEach(h -> prefixes.add(MediaFiles.PREFIX + h + "-"));
        return prefixes;
    }

    private Media insert(String hash, ImageProcessor.Processed processed, String name, long size, String alt,
            String caption, AccountPrincipal uploader) {
        Media media = new Media();
        media.hash = hash;
        media.extension = processed.extension();
        media.mime = processed.mime();
        media.widths = processed.widths();
        media.webp = processed.webp();
        media.width = processed.largest().width();
        media.height = processed.largest().height();
        media.largestSize = (long) processed.largest().bytes().length;
        media.originalName = name;
        media.originalSize = size;
        media.alt = alt;
        media.caption = caption;
        // images brought in by a WordPress import have no uploader
        media.uploader = uploader == null ? null : Media.getEntityManager().getReference(Account.class, uploader.id());
        media.createdAt = clock.instant();
        // a file an image had before it was replaced is a new image now: its addresses name this one
        MediaPrevious.delete("hash", hash);
        media.persist();
        return media;
    }

    /**
     * Undoes the files of a failed upload. If the same file was uploaded at the same moment and its row won,
     * the files are that row's: they stay.
     */
    private void removeUnlessKept(String hash, List<String> files) {
        boolean kept = QuarkusTransaction.requiringNew().call(() -> Media.findByHash(hash).isPresent());
        if (kept) {
            return;
        }
        for (String file : files) {
            try {
                store.delete(file);
            } catch (RuntimeException e) {
                Log.warnf(e, "Could not remove %s after a failed upload", file);
            }
        }
    }

    /** Changes the alt text and caption; only the uploader or an admin may. */
    @Transactional
    public Media describe(long id, String alt, String caption, AccountPrincipal editor) {
        Media media = editable(id, editor);
        media.alt = text("alt", alt, MAX_ALT);
        media.caption = text("caption", caption, MAX_CAPTION);
        renditions.forget(id);
        return media;
    }

    /**
     * Deletes an image no post uses; its files go after the commit. While posts use it, the answer is 409
     * naming them.
     */
    public void delete(long id, AccountPrincipal editor) {
        List<String> files = QuarkusTransaction.requiringNew().call(() -> {
            Media media = editable(id, editor);
            List<String> users = usedBy(media);
            if (!users.isEmpty()) {
                throw new InvalidInputException(409,
                        Map.of("file", staff.messages().mediaErrInUse(String.join(", ", users))));
            }
            List<String> names = media.fileNames();
            media.delete();
            return names;
        });
        renditions.forget(id);
        deleteFiles(files, "a deleted image");
    }

    private void deleteFiles(List<String> files, String whose) {
        for (String file : files) {
            try {
                store.delete(file);
            } catch (RuntimeException e) {
                // no row names the file any more, so no page links it; it only takes space until the sweep
                Log.warnf(e, "Could not delete %s of %s", file, whose);
            }
        }
    }

    /** The titles of the posts and pages (any status) whose body shows this image. */
    public static List<String> usedBy(Media media) {
        List<String> prefixes = addressPrefixes(media);
        StringBuilder query = new StringBuilder("featuredMediaId = :id");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("id", media.id));
        for (int i = 0; i < prefixes.size(); i++) {
            query.append(" or bodyMarkdown like :p").append(i);
            params.put("p" + i, "%" + prefixes.get(i) + "%");
        }
        return Post.<Post> list(query + " order by title", params).stream().map(post -> "“" + post.title + "”")
                .toList();
    }

    /** Whether {@code editor} may change this image: its uploader, or an admin. */
    public static boolean editableBy(Media media, AccountPrincipal editor) {
        return editor.isAdmin() || (media.uploader != null && media.uploader.id == editor.id());
    }

    private static Media editable(long id, AccountPrincipal editor) {
        Media media = Media.<Media> findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (!editableBy(media, editor)) {
            throw new NotFoundException();
        }
        return media;
    }

    private String text(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new InvalidInputException(Map.of(field, staff.messages().mediaErrLength(max)));
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(Map.of(field, staff.messages().mediaErrCharacter()));
        }
        return text;
    }

    /** The uploaded file's own name, without any folder a browser may send, for the library list. */
    private static String fileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replace("\u0000", "").strip();
        if (base.isEmpty()) {
            base = "image";
        }
        return base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, MediaFiles.HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
