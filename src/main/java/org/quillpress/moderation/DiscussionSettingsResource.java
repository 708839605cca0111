package org.quillpress.moderation;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Role;
import org.quillpress.comment.DiscussionSettings;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin page for the discussion rules: every step of the comment pipeline, and the term lists. */
@Path("/admin/discussion")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class DiscussionSettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance discussion(DiscussionForm form, Map<String, String> errors, String notice);
    }

    @Inject
    DiscussionSettings settings;

    @Inject
    StaffText staff;

    @GET
    public TemplateInstance page(@RestQuery String saved) {
        return Templates.discussion(DiscussionForm.of(settings.current()), Map.of(),
                saved != null ? staff.moderation().discSaved() : null);
    }

    @POST
    public Response save(@BeanParam DiscussionForm form) {
        try {
            settings.save(form.toRules(staff.moderation()));
            return Response.seeOther(URI.create("/admin/discussion?saved=1")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(Templates.discussion(form, e.errors(), null)).build();
        }
    }
}
