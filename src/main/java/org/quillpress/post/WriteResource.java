package org.quillpress.post;

import java.net.URI;
import java.util.List;
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

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.quillpress.QuillpressConfig;
import org.quillpress.account.Role;
import org.quillpress.security.CurrentUser;
import org.quillpress.web.ExternalImages;
import org.quillpress.web.ImageRenditions;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The write page: new posts and pages at /write, changes at /posts/{slug}/edit, with a preview. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.AUTHOR_ROLE)
public class WriteResource {

    /** How many of the library's newest images the featured-image choice lists; older ones are pasted. */
    static final int FEATURED_CHOICES = 50;

    @Inject
    ImageRenditions images;

    /** A page that can parent another, for the parent menu. */
    public record PageOption(String slug, String title) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance write(PostForm form, String editingSlug, Map<String, String> errors,
                String preview, List<String> categories, List<PageOption> pages,
                List<ImageRenditions.Featured> images, List<String> externalImages);

        /** Just the rendered body, for the script's live preview. */
        static native TemplateInstance preview(String html);
    }

    @Inject
    PostService posts;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExternalImages externalImages;

    @Inject
    QuillpressConfig config;

    @Inject
    StaffText staff;

    @GET
    @Path("write")
    public TemplateInstance newPost(@RestQuery String kind) {
        PostKind postKind = "page".equalsIgnoreCase(kind) ? PostKind.PAGE : PostKind.POST;
        return page(PostForm.blank(postKind), null, Map.of(), null);
    }

    @POST
    @Path("write")
    public Response create(@BeanParam PostForm form) {
        if (form.imageToCopy() != null) {
            return copyImage(form, null);
        }
        if (form.previewRequested()) {
            return Response.ok(page(form, null, Map.of(), posts.preview(form.body()))).build();
        }
        try {
            Post post = posts.create(form.toInput(), currentUser.require());
            return Response.seeOther(URI.create(post.path())).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(form, null, e.errors(), null)).build();
        }
    }

    @GET
    @Path("posts/{slug}/edit")
    public TemplateInstance edit(@RestPath String slug) {
        Post post = posts.loadForEditing(slug, currentUser.require());
        return page(PostForm.of(post), post.slug, Map.of(), null);
    }

    @POST
    @Path("posts/{slug}/edit")
    public Response update(@RestPath String slug, @BeanParam PostForm form) {
        if (form.imageToCopy() != null) {
            posts.loadForEditing(slug, currentUser.require());
            return copyImage(form, slug);
        }
        if (form.previewRequested()) {
            posts.loadForEditing(slug, currentUser.require());
            return Response.ok(page(form, slug, Map.of(), posts.preview(form.body()))).build();
        }
        try {
            Post post = posts.update(slug, form.toInput(), currentUser.require());
            return Response.seeOther(URI.create(post.path())).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(form, slug, e.errors(), null)).build();
        }
    }

    @POST
    @Path("write/preview")
    public TemplateInstance preview(@RestForm String body) {
        return Templates.preview(posts.preview(body));
    }

    /**
     * Copies another site's image into the library and shows the form again, previewed, with the library's
     * address in the body in place of the other site's: nothing is saved until the author saves.
     */
    private Response copyImage(PostForm form, String editingSlug) {
        String url = form.imageToCopy();
        ExternalImages.Copy copy = externalImages.copy(url);
        if (copy instanceof ExternalImages.Copied copied) {
            PostForm changed = form.withBody(form.body().replace(url, copied.url()));
            return Response.ok(page(changed, editingSlug, Map.of(), posts.preview(changed.body()))).build();
        }
        String reason = ((ExternalImages.Failed) copy).reason();
        return Response.status(RestResponse.Status.BAD_REQUEST)
                .entity(page(form, editingSlug, Map.of("body", staff.messages().writeNotCopied(reason)),
                        posts.preview(form.body())))
                .build();
    }

    /** The newest images of the library, and the one the post features even when it is older. */
    private List<ImageRenditions.Featured> featuredChoices(PostForm form) {
        List<ImageRenditions.Featured> choices = new java.util.ArrayList<>(images.newest(FEATURED_CHOICES));
        String chosen = form.featuredImage() == null ? "" : form.featuredImage().strip();
        if (chosen.chars().allMatch(Character::isDigit) && !chosen.isEmpty() && chosen.length() < 18
                && choices.stream().noneMatch(c -> form.features(c.id()))) {
            images.featured(Long.parseLong(chosen)).ifPresent(choices::add);
        }
        return choices;
    }

    private TemplateInstance page(PostForm form, String editingSlug, Map<String, String> errors, String preview) {
        List<String> categories = Category.listByName().stream().map(c -> c.name).toList();
        List<PageOption> pages = Post.find("kind = ?1 order by title", PostKind.PAGE).project(PageOption.class).list()
                .stream().filter(p -> !p.slug().equals(editingSlug)).toList();
        return Templates.write(form, editingSlug, errors, preview, categories, pages, featuredChoices(form),
                ExternalImages.in(form.body(), config.siteUrl()));
    }
}
