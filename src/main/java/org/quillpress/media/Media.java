package org.quillpress.media;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.quillpress.account.Account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * An uploaded image: its description (alt text, caption), its full size and the widths stored. Its files are
 * named from {@link #hash}, so their addresses never change and can be cached forever.
 */
@Entity
public class Media extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The start of the SHA-256 of the uploaded bytes: the same file uploaded twice is one entry. */
    @Column(nullable = false, unique = true)
    public String hash;

    /** {@code jpg}, or {@code png} for images with transparency. */
    @Column(nullable = false)
    public String extension;

    @Column(nullable = false)
    public String mime;

    /** Ascending, comma-separated; the last one is {@link #width}. */
    @Column(nullable = false)
    public String widths;

    /** Whether every width is stored in WebP too ({@code <hash>-<width>.webp}). */
    @Column(nullable = false)
    public boolean webp;

    /** When the media sweep could not write this image's WebP files from its own, and gave up on them. */
    @Column(name = "webp_failed_at")
    public Instant webpFailedAt;

    /** Of the largest stored rendition, upright. */
    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    /** The byte size of the largest rendition's file; null for an image stored before sizes were kept. */
    @Column(name = "largest_size")
    public Long largestSize;

    @Column(name = "original_name", nullable = false)
    public String originalName;

    @Column(name = "original_size", nullable = false)
    public long originalSize;

    @Column(nullable = false)
    public String alt = "";

    @Column(nullable = false)
    public String caption = "";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "uploader_id")
    public Account uploader;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The stored widths, smallest first. */
    public List<Integer> widthList() {
        return Arrays.stream(widths.split(",")).map(Integer::valueOf).toList();
    }

    /** The name of the file of one stored width. */
    public String fileName(int w) {
        return MediaFiles.name(hash, w, extension);
    }

    /** The name of the WebP file of one stored width (there when {@link #webp}). */
    public String webpFileName(int w) {
        return MediaFiles.name(hash, w, MediaFiles.WEBP);
    }

    /** The names of all of this image's files, WebP included. */
    public List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>(widthList().stream().map(this::fileName).toList());
        if (webp) {
            widthList().forEach(w -> names.add(webpFileName(w)));
        }
        return names;
    }

    public static Optional<Media> findByHash(String hash) {
        return find("hash", hash).firstResultOptional();
    }

    /** The newest first, optionally only those whose name, alt text or caption contains {@code query}. */
    public static List<Media> search(String query, int pageSize) {
        Sort newest = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        if (query == null || query.isBlank()) {
            return findAll(newest).page(Page.ofSize(pageSize)).list();
        }
        String like = "%" + query.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_")
                + "%";
        return find("lower(originalName) like :q escape '!' or lower(alt) like :q escape '!'"
                + " or lower(caption) like :q escape '!'", newest, Parameters.with("q", like))
                .page(Page.ofSize(pageSize)).list();
    }
}
