package org.quillpress.media;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.web.BodyLimit;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Image uploads have their own size limit (quillpress.media.max-size), larger than the 4 MB of other
 * requests: checked here on the declared length, before any byte is read, and {@link BodyLimit} told to
 * let the request be. A body sent without a length (chunked, as some HTTP clients send multipart) streams to a
 * temporary file on disk, never memory, and its file is measured there before it is read.
 */
@ApplicationScoped
public class MediaUploadLimit {

    /** Where images are uploaded: the API and the library page's form. */
    static final Set<String> UPLOAD_PATHS = Set.of("/api/v1/media", "/media");

    /** Where an image's file is replaced: the library page's form, and the API's PUT of a multipart body. */
    static final Pattern REPLACE_FORM = Pattern.compile("/media/[0-9]{1,18}/replace");
    static final Pattern REPLACE_API = Pattern.compile("/api/v1/media/[0-9]{1,18}");

    /** Room for the multipart framing and the alt text and caption fields around the file. */
    static final long FORM_OVERHEAD = 64 * 1024;

    /** Just before {@link BodyLimit} (260), which runs before the page cache and authentication. */
    static final int PRIORITY = 261;

    @Inject
    MediaConfig config;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private static boolean isUpload(RoutingContext routing) {
        HttpMethod method = routing.request().method();
        String path = routing.normalizedPath();
        if (method == HttpMethod.POST) {
            return UPLOAD_PATHS.contains(path) || REPLACE_FORM.matcher(path).matches();
        }
        String type = routing.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return method == HttpMethod.PUT && REPLACE_API.matcher(path).matches() && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    void handle(RoutingContext routing) {
        if (!isUpload(routing)) {
            routing.next();
            return;
        }
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            bytes = Long.MAX_VALUE;
        }
        long limit = config.maxSize().asLongValue();
        if (bytes > limit + FORM_OVERHEAD) {
            routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end("The image is larger than " + limit / (1024 * 1024) + " MB, the limit for images.\n");
        } else {
            routing.put(BodyLimit.OWN_LIMIT, Boolean.TRUE);
            routing.next();
        }
    }
}
