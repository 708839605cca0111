package org.quillpress.cache;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.web.PublicPage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A public page with a {@code {#formFields /}} form, for tests only: until the comment form exists, it is
 * the one cacheable page with per-visitor fields. Marked {@link PublicPage} as the real pages are.
 */
@Path("/cache-probe-form")
@Produces(MediaType.TEXT_HTML)
public class FormPageProbe {

    public static final String PATH = "/cache-probe-form";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance probe();
    }

    @GET
    @PublicPage
    public TemplateInstance page() {
        return Templates.probe();
    }

    /** Reached only with a valid CSRF token: quarkus-rest-csrf refuses the form before otherwise. */
    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String send(@RestForm String started) {
        return "accepted " + started;
    }
}
