package org.quillpress.wxr;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.quillpress.media.Media;
import org.quillpress.media.MediaConfig;
import org.quillpress.media.MediaFiles;
import org.quillpress.media.MediaService;
import org.quillpress.media.RemoteImages;
import org.quillpress.post.Post;
import org.quillpress.web.BodyFormat;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Markdown;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Brings a WordPress site's images into the media library after the export itself was imported: from a copy of
 * its {@code wp-content/uploads} (a folder, or a zip of it) and, when the admin asks, by downloading them from the
 * old site through {@link RemoteImages}. Every attachment item of the export comes in (with its description and
 * caption), whether a post shows it or not, and is remembered as the media entry it became, so galleries and
 * {@code wp-image-N} images show it from the library. Every old upload address in a post's body is looked up by
 * its path (a resized copy, {@code name-300x200.jpg}, by its original), goes through the media library's
 * processing (so the same refusals apply), and the stored body is rewritten to the new {@code /media} address.
 */
@ApplicationScoped
public class ImportedAttachments {

    /**
     * An address of an uploaded file, absolute or site-relative, or on WordPress.com's file host; group 1 or 2 is
     * its path under uploads.
     */
    static final Pattern UPLOAD_URL = Pattern
            .compile("(?:https?://[^\\s\"'()<>\\[\\]]+)?/wp-content/uploads/([^\\s\"'()<>?#\\[\\]]+)"
                    + "|https?://[a-z0-9-]+\\.files\\.wordpress\\.com/([^\\s\"'()<>?#\\[\\]]+)");

    /** WordPress's resized copies: the original's name with {@code -WIDTHxHEIGHT} before the extension. */
    private static final Pattern RESIZED = Pattern.compile("^(.*)-\\d{1,5}x\\d{1,5}(\\.[A-Za-z0-9]+)$");

    private static final Pattern IDLESS_GALLERY = Pattern.compile("\\[gallery(?![^\\]]*\\b(?:ids|include)\\s*=)");
    private static final Pattern HAS_GALLERY = Pattern.compile("\\[gallery\\b|wp:gallery|blocks-gallery|wp-image-\\d");

    /** What bringing the images in did, for the import report. */
    public record Result(int imported, int missing, int refused, int rewritten, int posts, int downloaded,
            int downloadFailed, int unreferenced) {
        String toNote(boolean fromFolder, boolean downloading) {
            return ImportRun.words().noteImages(fromFolder, downloading, imported, missing, refused, rewritten, posts,
                    downloaded, downloadFailed, unreferenced);
        }
    }

    @Inject
    MediaService media;

    @Inject
    MediaConfig mediaConfig;

    @Inject
    Markdown markdown;

    @Inject
    Event<ContentChanged> changed;

    @Inject
    RemoteImages remoteImages;

    /** Imports the images of the blog just imported from {@code uploads} (a folder or a zip) and notes the result. */
    public Result bringIn(Path uploads, ImportReport report) throws IOException {
        return bringIn(uploads, false, report);
    }

    /**
     * Imports the images of the blog just imported (the report's source): from {@code uploads} (a folder or a zip;
     * null for none) and, when {@code download} is set, by downloading from the old site what the folder does not
     * hold. Notes the result in the report.
     */
    public Result bringIn(Path uploads, boolean download, ImportReport report) throws IOException {
        Result result;
        RemoteImages fetch = download ? remoteImages : null;
        if (uploads == null) {
            result = new Run(null, fetch, report).bringIn();
        } else if (Files.isRegularFile(uploads)) {
            try (FileSystem zip = FileSystems.newFileSystem(uploads)) {
                result = new Run(root(zip.getPath("/")), fetch, report).bringIn();
            }
        } else if (Files.isDirectory(uploads)) {
            result = new Run(root(uploads), fetch, report).bringIn();
        } else {
            throw new IOException("There is no folder or zip file " + uploads);
        }
        report.note(result.toNote(uploads != null, download));
        return result;
    }

    /** The uploads folder itself, whether the copy holds it, a wp-content above it, or only its contents. */
    static Path root(Path top) {
        for (String inner : List.of("wp-content/uploads", "uploads")) {
            Path candidate = top.resolve(inner);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return top;
    }

    /** The path under uploads of an upload's address, or null for another address. */
    static String uploadsPath(String address) {
        Matcher m = UPLOAD_URL.matcher(address);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The path of the original of a resized copy, or the path itself. */
    static String original(String path) {
        Matcher resized = RESIZED.matcher(path);
        return resized.matches() ? resized.group(1) + resized.group(2) : path;
    }

    /** One bringing-in: the files' origins, what was stored so far by address, and the counts. */
    private final class Run {
        private final Path root;
        /** Downloads from the old site; null when the admin did not ask for them. */
        private final RemoteImages fetch;
        private final ImportReport report;
        private final String source;
        /** The blog's address, for site-relative addresses to download (null when the source is a name). */
        private final URI base;
        /** The /media address each uploads path (of an original) became; empty when it could not come in. */
        private final Map<String, Optional<Stored>> byPath = new HashMap<>();
        private final Map<Path, Optional<Stored>> byFile = new HashMap<>();
        private int imported;
        private int missing;
        private int refused;
        private int rewritten;
        private int posts;
        private int downloaded;
        private int downloadFailed;

        Run(Path root, RemoteImages fetch, ImportReport report) {
            this.root = root;
            this.fetch = fetch;
            this.report = report;
            this.source = report.source() == null ? "" : ImportedMedia.blogOf(report.source());
            this.base = source.matches("https?://[^\\s]+") ? URI.create(source + "/") : null;
        }

        Result bringIn() {
            List<WxrAttachment> attachments = QuarkusTransaction.requiringNew()
                    .call(() -> WxrAttachment.<WxrAttachment> list("key.source", source));
            for (WxrAttachment attachment : attachments) {
                if (attachment.mediaId != null) {
                    remember(attachment);
                    continue;
                }
                Optional<Stored> stored = bringInAttachment(attachment);
                stored.ifPresent(s -> QuarkusTransaction.requiringNew().run(() -> {
                    WxrAttachment a = WxrAttachment.find(source, attachment.key.wpId).orElseThrow();
                    a.mediaId = s.id();
                }));
            }
            Set<Long> referencedIds = new HashSet<>();
            Set<Long> shownMedia = new HashSet<>();
            for (long id : postIds()) {
                bringInPost(id, referencedIds, shownMedia);
            }
            int unreferenced = QuarkusTransaction.requiringNew().call(() -> (int) WxrAttachment
                    .<WxrAttachment> list("key.source = ?1 and mediaId is not null", source).stream()
                    .filter(a -> !referencedIds.contains(a.key.wpId))
                    .filter(a -> !shownMedia.contains(a.mediaId)).count());
            return new Result(imported, missing, refused, rewritten, posts, downloaded, downloadFailed, unreferenced);
        }

        private List<Long> postIds() {
            return QuarkusTransaction.requiringNew().call(() -> Post
                    .find("select p.id from Post p, WxrLink l where l.key.kind = ?1 and l.localId = p.id and "
                            + "(l.key.source = ?2 or l.key.source like ?3) order by p.id", WxrLink.Kind.POST, source,
                            source.replace("%", "\\%").replace("_", "\\_") + "#repeat-%")
                    .project(Long.class).list());
        }

        /** An attachment brought in before: posts naming its address show it from the library. */
        private void remember(WxrAttachment attachment) {
            String path = uploadsPath(attachment.url);
            Media stored = QuarkusTransaction.requiringNew().call(() -> Media.<Media> findById(attachment.mediaId));
            if (path != null && stored != null) {
                byPath.putIfAbsent(original(path),
                        Optional.of(new Stored(stored.id, MediaFiles.url(stored.fileName(stored.width)))));
            }
        }

        private Optional<Stored> bringInAttachment(WxrAttachment attachment) {
            String path = uploadsPath(attachment.url);
            String name = attachment.url.replaceFirst("[?#].*$", "").replaceFirst("^.*/", "");
            String alt = WxrText.clip(attachment.alt, 1000);
            String caption = WxrText.clip(attachment.caption, 2000);
            if (path != null) {
                return byPath.computeIfAbsent(original(path), p -> load(p, attachment.url, name, alt, caption));
            }
            return load(null, attachment.url, name, alt, caption);
        }

        /** Rewrites one post's old upload addresses and renders it again by the library's images. */
        private void bringInPost(long id, Set<Long> referencedIds, Set<Long> shownMedia) {
            String[] body = QuarkusTransaction.requiringNew().call(() -> {
                Post post = Post.findById(id);
                return new String[] { post.bodyMarkdown, post.title };
            });
            // the files come in outside any transaction: a download may take its time
            Matcher m = UPLOAD_URL.matcher(body[0]);
            while (m.find()) {
                String path = m.group(1) != null ? m.group(1) : m.group(2);
                String address = m.group();
                byPath.computeIfAbsent(original(path), p -> load(path, address, p.replaceFirst("^.*/", ""), "", ""));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Post post = Post.findById(id);
                Matcher found = UPLOAD_URL.matcher(post.bodyMarkdown);
                StringBuilder rewrittenBody = new StringBuilder();
                int count = 0;
                while (found.find()) {
                    String path = found.group(1) != null ? found.group(1) : found.group(2);
                    Optional<Stored> stored = byPath.getOrDefault(original(path), Optional.empty());
                    found.appendReplacement(rewrittenBody,
                            Matcher.quoteReplacement(stored.map(Stored::url).orElse(found.group())));
                    stored.ifPresent(s -> shownMedia.add(s.id()));
                    count += stored.isPresent() ? 1 : 0;
                }
                found.appendTail(rewrittenBody);
                boolean galleries = HAS_GALLERY.matcher(post.bodyMarkdown).find();
                if (count == 0 && !galleries) {
                    return;
                }
                if (count > 0) {
                    post.bodyMarkdown = rewrittenBody.toString();
                    rewritten += count;
                    posts++;
                }
                post.bodyHtml = markdown.renderPost(post.bodyMarkdown, post.bodyFormat, post.id,
                        post.featuredMediaId != null);
                if (galleries && post.bodyFormat == BodyFormat.WORDPRESS) {
                    noteMissing(post, referencedIds);
                }
                changed.fire(new ContentChanged("WordPress images"));
            });
        }

        /** Names the post in the report when a gallery or image of it shows an attachment not in the library. */
        private void noteMissing(Post post, Set<Long> referencedIds) {
            Set<Long> ids = AttachmentReferences.ids(post.bodyMarkdown);
            List<WxrAttachment> shown = new ArrayList<>();
            for (long wpId : ids) {
                WxrAttachment.find(source, wpId).ifPresentOrElse(shown::add, () -> shown.add(null));
            }
            if (IDLESS_GALLERY.matcher(post.bodyMarkdown).find()) {
                WxrLink.origin(post.id).ifPresent(link -> shown.addAll(WxrAttachment.ofParent(source, link.key.wpId)));
            }
            shown.stream().filter(a -> a != null).forEach(a -> referencedIds.add(a.key.wpId));
            long notInLibrary = shown.stream().filter(a -> a == null || a.mediaId == null).count();
            if (notInLibrary > 0) {
                report.notRendered(ImportRun.words().notInLibrary(), ImportRun.words().postImages(post.title, notInLibrary));
            }
        }

        /**
         * The library entry for the upload at {@code path} under uploads (null when the address is elsewhere),
         * from the folder when it holds it, else downloaded from {@code address} when downloads were asked for.
         */
        private Optional<Stored> load(String path, String address, String name, String alt, String caption) {
            if (root != null && path != null) {
                Optional<Path> file = find(root, path);
                if (file.isPresent()) {
                    return byFile.computeIfAbsent(file.get(), f -> storeFile(f, path, alt, caption));
                }
            }
            if (fetch != null) {
                return download(path, address, name, alt, caption);
            }
            Log.infof("WordPress image %s is not in the uploads folder", path == null ? address : path);
            missing++;
            return Optional.empty();
        }

        private Optional<Stored> storeFile(Path file, String path, String alt, String caption) {
            try {
                media.checkSize(Files.size(file));
                return store(Files.readAllBytes(file), file.getFileName().toString(), path, alt, caption);
            } catch (InvalidInputException e) {
                Log.infof("WordPress image %s refused: %s", path, e.errors());
                refused++;
                return Optional.empty();
            } catch (IOException e) {
                Log.warnf("WordPress image %s could not be read: %s", path, e.getMessage());
                missing++;
                return Optional.empty();
            }
        }

        /** The original of a resized copy first (the best copy there is), else the address itself. */
        private Optional<Stored> download(String path, String address, String name, String alt, String caption) {
            List<String> candidates = new ArrayList<>();
            String absolute = absolute(address);
            if (absolute == null) {
                Log.infof("WordPress image %s has no address to download it from", address);
                missing++;
                return Optional.empty();
            }
            if (path != null && !original(path).equals(path)) {
                candidates.add(absolute.replace(path, original(path)));
            }
            candidates.add(absolute);
            String problem = "";
            for (String candidate : candidates) {
                RemoteImages.Result result = fetch.fetch(URI.create(candidate));
                if (result instanceof RemoteImages.Refused refusedDownload) {
                    problem = refusedDownload.reason();
                    continue;
                }
                downloaded++;
                try {
                    return store(((RemoteImages.Fetched) result).bytes(), name, candidate, alt, caption);
                } catch (InvalidInputException e) {
                    Log.infof("WordPress image %s refused: %s", candidate, e.errors());
                    refused++;
                    return Optional.empty();
                }
            }
            Log.infof("WordPress image %s could not be downloaded: %s", absolute, problem);
            downloadFailed++;
            missing++;
            return Optional.empty();
        }

        private String absolute(String address) {
            if (address.matches("(?i)https?://.*")) {
                return address;
            }
            return base != null && address.startsWith("/") ? base.resolve(address.substring(1)).toString() : null;
        }

        private Optional<Stored> store(byte[] bytes, String name, String what, String alt, String caption) {
            MediaService.Uploaded uploaded = media.upload(bytes, name, alt, caption, null);
            // one already in the library (the same file) counts too: the post now shows it from there
            imported++;
            Log.debugf("WordPress image %s is media %d", what, uploaded.media().id);
            return Optional.of(new Stored(uploaded.media().id,
                    MediaFiles.url(uploaded.media().fileName(uploaded.media().width))));
        }
    }

    /** A file in the library: its entry and the address of its full size. */
    private record Stored(long id, String url) {
    }

    /**
     * The file for an address's path under uploads: the original of a resized copy when it is there, else
     * the file itself. Paths leaving the folder ({@code ..}) are never followed.
     */
    static Optional<Path> find(Path root, String path) {
        Set<String> candidates = new LinkedHashSet<>();
        Matcher resized = RESIZED.matcher(path);
        if (resized.matches()) {
            candidates.add(resized.group(1) + resized.group(2));
        }
        candidates.add(path);
        for (String candidate : candidates) {
            if (candidate.contains("..") || candidate.startsWith("/")) {
                continue;
            }
            Path file = root.resolve(candidate).normalize();
            if (file.startsWith(root) && Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
