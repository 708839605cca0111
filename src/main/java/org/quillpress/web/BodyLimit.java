package org.quillpress.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Request bodies stay under 4 MB everywhere but the WordPress import upload, whose larger limit is the
 * server's ({@code quarkus.http.limits.max-body-size}). Checked on the declared length before anything is
 * read; a body sent without a length (chunked) is refused outside the upload, since it could not be
 * measured up front. The refusal is plain text in the site's language: a browser posting a form shows it as it is.
 */
@ApplicationScoped
public class BodyLimit {

    static final long MAX_BYTES = 4L * 1024 * 1024;
    static final String UPLOAD_PATH = "/admin/import";

    /**
     * Routing-context key set by a filter that ran before this one and held the body to a limit of its own (the
     * image upload, see media.MediaUploadLimit): this one then lets it be.
     */
    public static final String OWN_LIMIT = BodyLimit.class.getName() + ".own";

    /** Before the page cache (250) and authentication (200): a refused body costs nothing else. */
    static final int PRIORITY = 260;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext routing) {
        if (UPLOAD_PATH.equals(routing.normalizedPath()) || routing.get(OWN_LIMIT) != null) {
            routing.next();
            return;
        }
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                bytes = Long.MAX_VALUE;
            }
            if (bytes > MAX_BYTES) {
                routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                        .end(SiteLanguage.messages(CheckMessages.class).bodyTooLarge() + "\n");
                return;
            }
        } else if (routing.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            routing.response().setStatusCode(411).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end(SiteLanguage.messages(CheckMessages.class).bodyWithoutLength() + "\n");
            return;
        }
        routing.next();
    }
}
