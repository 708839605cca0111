package org.quillpress.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves image files by name, outside REST and without the database: the name is the store's key and a
 * content hash, so a file never changes and browsers and proxies may keep it a year without asking again.
 * Files of the folder store are sent by the operating system (sendfile) from the event loop; the S3 store
 * is read on a worker thread.
 */
@ApplicationScoped
public class MediaFileRoute {

    /** A file's bytes never change under its name. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    @Inject
    MediaStore store;

    void register(@Observes Router router) {
        router.route(MediaFiles.PREFIX + ":file").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
    }

    void serve(RoutingContext routing) {
        Optional<MediaFiles.FileName> file = MediaFiles.parse(routing.pathParam("file"));
        if (file.isEmpty()) {
            // not one of ours: REST answers (its 404 page)
            routing.next();
            return;
        }
        String name = routing.pathParam("file");
        String etag = "\"" + name + "\"";
        HttpServerResponse response = routing.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).putHeader(HttpHeaders.ETAG, etag);
        String ifNoneMatch = routing.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, file.get().contentType());
        if (store.local()) {
            Optional<MediaStore.Stored> stored = store.get(name);
            if (stored.isPresent()) {
                send(routing, stored);
            } else {
                missing(routing, file.get());
            }
        } else {
            routing.vertx().executeBlocking(() -> read(store.get(name)), false)
                    .onSuccess(bytes -> {
                        if (bytes.isEmpty()) {
                            missing(routing, file.get());
                        } else {
                            response.end(bytes.get());
                        }
                    })
                    .onFailure(routing::fail);
        }
    }

    private static void send(RoutingContext routing, Optional<MediaStore.Stored> stored) {
        if (stored.isPresent() && stored.get() instanceof MediaStore.LocalFile local) {
            routing.response().sendFile(local.path().toString());
        } else {
            notFound(routing);
        }
    }

    private static Optional<Buffer> read(Optional<MediaStore.Stored> stored) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (stored.get() instanceof MediaStore.Streamed streamed) {
            try (InputStream in = streamed.in()) {
                return Optional.of(Buffer.buffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("A remote store handed out a local file");
    }

    /**
     * A file that is not there: if its image was replaced, the reader (an old page, a feed reader, another
     * site) is sent to the new file of the nearest width; the database is asked only here, never for a hit.
     */
    private void missing(RoutingContext routing, MediaFiles.FileName file) {
        routing.vertx().executeBlocking(() -> QuarkusTransaction.requiringNew().call(() -> MediaPrevious
                .imageOf(file.hash()).filter(media -> !media.hash.equals(file.hash()))
                .map(media -> MediaFiles.url(replacement(media, file)))), false)
                .onSuccess(target -> {
                    if (target.isEmpty()) {
                        notFound(routing);
                    } else {
                        // not immutable: the image may be replaced again, and this address then leads further
                        routing.response().headers().remove(HttpHeaders.ETAG).remove(HttpHeaders.CONTENT_TYPE);
                        routing.response().putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                                .putHeader(HttpHeaders.LOCATION, target.get()).setStatusCode(302).end();
                    }
                })
                .onFailure(routing::fail);
    }

    /** The file of the image that replaced {@code file}'s: the nearest width, WebP for WebP when it has it. */
    private static String replacement(Media media, MediaFiles.FileName file) {
        int width = nearest(media.widthList(), file.width());
        return MediaFiles.WEBP.equals(file.extension()) && media.webp ? media.webpFileName(width)
                : media.fileName(width);
    }

    /** The widest stored width not above {@code wanted}, or the smallest. */
    static int nearest(java.util.List<Integer> widths, int wanted) {
        return widths.stream().filter(w -> w <= wanted).reduce((a, b) -> b).orElse(widths.get(0));
    }

    private static void notFound(RoutingContext routing) {
        // a file that is gone may come back under the same name (the same upload again): not cached
        routing.response().headers().remove(HttpHeaders.CACHE_CONTROL).remove(HttpHeaders.ETAG);
        routing.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").setStatusCode(404)
                .end("There is no image at this address.\n");
    }
}
