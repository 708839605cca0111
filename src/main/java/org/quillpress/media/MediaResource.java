package org.quillpress.media;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.security.CurrentUser;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The media library page: upload (a plain file picker, no script needed), find, describe and delete images. */
@Path("/media")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.AUTHOR_ROLE)
public class MediaResource {

    static final int PAGE_SIZE = 60;

    /** An image in the list, and whether the viewer may change it. */
    public record Row(MediaView image, boolean editable) {
        /** The thumbnail's height at {@link #THUMB_WIDTH}, so the list does not jump while it loads. */
        public int thumbHeight() {
            return Math.max(1, Math.round((float) image.height() * THUMB_WIDTH / image.width()));
        }

        public int thumbWidth() {
            return THUMB_WIDTH;
        }

        static final int THUMB_WIDTH = 160;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(List<Row> rows, String query, MediaForm form, Map<String, String> errors,
                String notice);
    }

    @Inject
    MediaService media;

    @Inject
    CurrentUser currentUser;

    @Inject
    StaffText staff;

    @GET
    @Transactional
    public TemplateInstance library(@RestQuery String q, @RestQuery String saved) {
        String notice = saved == null ? null : switch (saved) {
            case "uploaded" -> staff.messages().mediaUploaded();
            case "deleted" -> staff.messages().mediaDeleted();
            case "replaced" -> staff.messages().mediaReplaced();
            default -> staff.messages().mediaSaved();
        };
        return page(q, MediaForm.blank(), Map.of(), notice);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @BeanParam MediaForm form) {
        try {
            media.upload(MediaApi.read(file, media), file.fileName(), form.alt(), form.caption(),
                    currentUser.require());
            return Response.seeOther(URI.create("/media?saved=uploaded")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(render(null, form, e.errors(), null)).build();
        }
    }

    @POST
    @Path("{id}/describe")
    public Response describe(@RestPath long id, @BeanParam MediaForm form) {
        try {
            media.describe(id, form.alt(), form.caption(), currentUser.require());
            return Response.seeOther(URI.create("/media?saved=described")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(render(null, MediaForm.blank(), e.errors(), null)).build();
        }
    }

    @POST
    @Path("{id}/replace")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replace(@RestPath long id, @RestForm("file") FileUpload file) {
        try {
            media.replace(id, MediaApi.read(file, media), file == null ? null : file.fileName(), currentUser.require());
            return Response.seeOther(URI.create("/media?saved=replaced")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(render(null, MediaForm.blank(), e.errors(), null)).build();
        }
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@RestPath long id) {
        try {
            media.delete(id, currentUser.require());
            return Response.seeOther(URI.create("/media?saved=deleted")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(render(null, MediaForm.blank(), e.errors(), null)).build();
        }
    }

    /** Renders in a transaction of its own: the page after a failed write reads what is stored. */
    private TemplateInstance render(String query, MediaForm form, Map<String, String> errors, String notice) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> page(query, form, errors, notice));
    }

    private TemplateInstance page(String query, MediaForm form, Map<String, String> errors, String notice) {
        AccountPrincipal viewer = currentUser.require();
        List<Row> rows = Media.search(query, PAGE_SIZE).stream()
                .map(m -> new Row(MediaView.of(m), MediaService.editableBy(m, viewer))).toList();
        return Templates.library(rows, query == null ? "" : query.strip(), form, errors, notice);
    }
}
