package org.quillpress.wxr;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

import org.quillpress.media.MediaFiles;
import org.quillpress.media.MediaService;
import org.quillpress.post.Post;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Markdown;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Brings a WordPress site's images in from a copy of its {@code wp-content/uploads} (a folder, or a zip of
 * it) after the export itself was imported. Every {@code …/wp-content/uploads/…} address in a post's body is
 * looked up under that folder by its path, a resized copy ({@code name-300x200.jpg}) by its original, and the
 * file goes through the media library's processing (so the same refusals apply). The stored body is then
 * rewritten to the new {@code /media} addresses, so the post no longer depends on the old site.
 */
@ApplicationScoped
public class ImportedAttachments {

    /** An address of an uploaded file, absolute or site-relative; group 1 is its path under uploads. */
    static final Pattern UPLOAD_URL = Pattern
            .compile("(?:https?://[^\\s\"'()<>\\[\\]]+)?/wp-content/uploads/([^\\s\"'()<>?#\\[\\]]+)");

    /** WordPress's resized copies: the original's name with {@code -WIDTHxHEIGHT} before the extension. */
    private static final Pattern RESIZED = Pattern.compile("^(.*)-\\d{1,5}x\\d{1,5}(\\.[A-Za-z0-9]+)$");

    /** What bringing the images in did, for the import report. */
    public record Result(int imported, int missing, int refused, int rewritten, int posts) {
        String toNote() {
            return "Images from the uploads folder: " + imported + " imported, " + missing + " missing, "
                    + refused + " refused, " + rewritten + " addresses rewritten in " + posts + " posts.";
        }
    }

    @Inject
    MediaService media;

    @Inject
    Markdown markdown;

    @Inject
    Event<ContentChanged> changed;

    /** Imports the images the site's posts use from {@code uploads} (a folder or a zip) and notes the result. */
    public Result bringIn(Path uploads, ImportReport report) throws IOException {
        Result result;
        if (Files.isRegularFile(uploads)) {
            try (FileSystem zip = FileSystems.newFileSystem(uploads)) {
                result = bringInFrom(root(zip.getPath("/")));
            }
        } else if (Files.isDirectory(uploads)) {
            result = bringInFrom(root(uploads));
        } else {
            throw new IOException("There is no folder or zip file " + uploads);
        }
        report.note(result.toNote());
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

    private Result bringInFrom(Path root) {
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> list("bodyMarkdown like ?1", "%/wp-content/uploads/%").stream()
                        .map(p -> p.id).toList());
        Map<String, Optional<String>> newUrls = new HashMap<>();
        // the same file under several addresses (its resized copies) is counted and stored once
        Map<Path, Optional<String>> byFile = new HashMap<>();
        int[] counts = new int[5];
        for (long id : ids) {
            QuarkusTransaction.requiringNew().run(() -> {
                Post post = Post.findById(id);
                Matcher m = UPLOAD_URL.matcher(post.bodyMarkdown);
                StringBuilder body = new StringBuilder();
                int rewritten = 0;
                while (m.find()) {
                    Optional<String> url = newUrls.computeIfAbsent(m.group(1),
                            path -> store(root, path, byFile, counts));
                    m.appendReplacement(body, Matcher.quoteReplacement(url.orElse(m.group())));
                    rewritten += url.isPresent() ? 1 : 0;
                }
                m.appendTail(body);
                if (rewritten > 0) {
                    post.bodyMarkdown = body.toString();
                    post.bodyHtml = markdown.renderPost(post.bodyMarkdown, post.bodyFormat);
                    counts[3] += rewritten;
                    counts[4]++;
                    changed.fire(new ContentChanged("WordPress images"));
                }
            });
        }
        return new Result(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** The {@code /media} address of the file at {@code path} under uploads, once stored; empty when it cannot be. */
    private Optional<String> store(Path root, String path, Map<Path, Optional<String>> byFile, int[] counts) {
        Optional<Path> file = find(root, path);
        if (file.isEmpty()) {
            Log.infof("WordPress image %s is not in the uploads folder", path);
            counts[1]++;
            return Optional.empty();
        }
        return byFile.computeIfAbsent(file.get(), f -> store(f, path, counts));
    }

    private Optional<String> store(Path file, String path, int[] counts) {
        try {
            media.checkSize(Files.size(file));
            MediaService.Uploaded uploaded = media.upload(Files.readAllBytes(file), file.getFileName().toString(),
                    "", "", null);
            // one already in the library (the same file) counts too: the post now shows it from there
            counts[0]++;
            return Optional.of(MediaFiles.url(uploaded.media().fileName(uploaded.media().width)));
        } catch (InvalidInputException e) {
            Log.infof("WordPress image %s refused: %s", path, e.errors());
            counts[2]++;
            return Optional.empty();
        } catch (IOException e) {
            Log.warnf("WordPress image %s could not be read: %s", path, e.getMessage());
            counts[1]++;
            return Optional.empty();
        }
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
