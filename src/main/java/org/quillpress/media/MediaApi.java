package org.quillpress.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quillpress.account.Role;
import org.quillpress.security.CurrentUser;
import org.quillpress.web.InvalidInputException;

/** The media library API, for authors and above (session + CSRF header, or a token). */
@Path("/api/v1/media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR_ROLE)
@Tag(name = "Media")
public class MediaApi {

    static final int MAX_PAGE = 100;

    /** What may be changed about an image. */
    public record Description(String alt, String caption) {
    }

    @Inject
    MediaService media;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload an image (field file; alt and caption optional); the same file twice answers 200 "
            + "with the entry it made before")
    public RestResponse<MediaView> upload(@RestForm("file") FileUpload file, @RestForm String alt,
            @RestForm String caption) {
        MediaService.Uploaded uploaded = media.upload(read(file, media), file.fileName(), alt, caption,
                currentUser.require());
        MediaView view = MediaView.of(uploaded.media());
        if (!uploaded.created()) {
            return RestResponse.ok(view);
        }
        return RestResponse.ResponseBuilder.<MediaView> created(URI.create("/api/v1/media/" + view.id()))
                .entity(view).build();
    }

    /** The bytes of an uploaded file, refused before reading when missing or over the limit. */
    static byte[] read(FileUpload file, MediaService media) {
        if (file == null || file.uploadedFile() == null) {
            throw new InvalidInputException(Map.of("file", "Choose an image to upload."));
        }
        media.checkSize(file.size());
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Operation(summary = "The library, newest first; q searches names, alt texts and captions")
    @Transactional
    public List<MediaView> list(@RestQuery String q, @RestQuery Integer size) {
        int pageSize = size == null ? 50 : Math.max(1, Math.min(size, MAX_PAGE));
        return Media.search(q, pageSize).stream().map(MediaView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One image")
    @Transactional
    public MediaView get(@RestPath long id) {
        return Media.<Media> findByIdOptional(id).map(MediaView::of).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the alt text and caption (uploader or admin)")
    public MediaView describe(@RestPath long id, Description description) {
        Description d = description == null ? new Description(null, null) : description;
        return MediaView.of(media.describe(id, d.alt(), d.caption(), currentUser.require()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Replace the image's file (field file), keeping its id, alt text and caption; posts showing "
            + "it show the new one (uploader or admin; 409 when the file is another image's)")
    public MediaView replace(@RestPath long id, @RestForm("file") FileUpload file) {
        return MediaView.of(media.replace(id, read(file, media), file.fileName(), currentUser.require()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the alt text and/or caption; a field left out keeps its value")
    @Transactional
    public MediaView patch(@RestPath long id, Description description) {
        Media current = Media.<Media> findByIdOptional(id).orElseThrow(NotFoundException::new);
        Description d = description == null ? new Description(null, null) : description;
        return MediaView.of(media.describe(id, d.alt() == null ? current.alt : d.alt(),
                d.caption() == null ? current.caption : d.caption(), currentUser.require()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an image no post uses (409 naming the posts that do)")
    public void delete(@RestPath long id) {
        media.delete(id, currentUser.require());
    }
}
