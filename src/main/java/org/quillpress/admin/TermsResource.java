package org.quillpress.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
import org.quillpress.account.Role;
import org.quillpress.post.TermService;
import org.quillpress.post.TermService.CategoryRow;
import org.quillpress.post.TermService.TagRow;
import org.quillpress.web.AccountMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The category tree and the tags, for the staff who manage them: add, rename, move, merge, delete. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
// who manages categories and tags: the one place to let another role (editors) in
@RolesAllowed(Role.EDITOR_ROLE)
public class TermsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance categories(List<CategoryRow> categories, CategoryForm form,
                Map<String, String> errors, String notice);

        static native TemplateInstance category(CategoryRow category, List<CategoryRow> categories,
                RenameForm form, Map<String, String> errors);

        static native TemplateInstance tags(List<TagRow> tags, String notice);

        static native TemplateInstance tag(TagRow tag, List<TagRow> tags, RenameForm form, Map<String, String> errors);
    }

    @Inject
    TermService terms;

    @GET
    @Path("categories")
    public TemplateInstance categoriesPage(@RestQuery String saved) {
        return Templates.categories(terms.categoryTree(), CategoryForm.blank(), Map.of(),
                saved != null ? SiteLanguage.messages(AccountMessages.class).termsCategoriesSaved() : null);
    }

    @POST
    @Path("categories")
    public Response addCategory(@BeanParam CategoryForm form) {
        try {
            terms.createCategory(form.name(), form.description(), form.parent());
            return savedCategories();
        } catch (InvalidInputException e) {
            return Response.status(e.status())
                    .entity(Templates.categories(terms.categoryTree(), form, e.errors(), null)).build();
        }
    }

    @GET
    @Path("categories/{id}")
    public TemplateInstance categoryPage(@RestPath long id) {
        CategoryRow category = terms.category(id);
        return Templates.category(category, terms.categoryTree(), RenameForm.of(category), Map.of());
    }

    @POST
    @Path("categories/{id}/rename")
    public Response renameCategory(@RestPath long id, @BeanParam RenameForm form) {
        return onCategory(id, form, () -> terms.editCategory(id, form.name(), form.slug(), form.description()));
    }

    @POST
    @Path("categories/{id}/move")
    public Response moveCategory(@RestPath long id, @RestForm String parent) {
        return onCategory(id, null, () -> terms.moveCategory(id, parent));
    }

    @POST
    @Path("categories/{id}/merge")
    public Response mergeCategory(@RestPath long id, @RestForm String into) {
        return onCategory(id, null, () -> terms.mergeCategory(id, into));
    }

    @POST
    @Path("categories/{id}/delete")
    public Response deleteCategory(@RestPath long id, @RestForm String moveTo) {
        return onCategory(id, null, () -> terms.deleteCategory(id, moveTo));
    }

    @GET
    @Path("tags")
    public TemplateInstance tagsPage(@RestQuery String saved) {
        return Templates.tags(terms.tags(),
                saved != null ? SiteLanguage.messages(AccountMessages.class).termsTagsSaved() : null);
    }

    @GET
    @Path("tags/{id}")
    public TemplateInstance tagPage(@RestPath long id) {
        TagRow tag = terms.tag(id);
        return Templates.tag(tag, terms.tags(), RenameForm.of(tag), Map.of());
    }

    @POST
    @Path("tags/{id}/rename")
    public Response renameTag(@RestPath long id, @BeanParam RenameForm form) {
        return onTag(id, form, () -> terms.renameTag(id, form.name(), form.slug()));
    }

    @POST
    @Path("tags/{id}/merge")
    public Response mergeTag(@RestPath long id, @RestForm String into) {
        return onTag(id, null, () -> terms.mergeTag(id, into));
    }

    /** Runs a change to a category: back to the tree when done, or its page again with what was wrong. */
    private Response onCategory(long id, RenameForm typed, Runnable change) {
        return run(change, this::savedCategories, e -> {
            CategoryRow category = terms.category(id);
            return Templates.category(category, terms.categoryTree(),
                    typed == null ? RenameForm.of(category) : typed, e.errors());
        });
    }

    private Response onTag(long id, RenameForm typed, Runnable change) {
        return run(change, () -> Response.seeOther(URI.create("/admin/tags?saved=1")).build(), e -> {
            TagRow tag = terms.tag(id);
            return Templates.tag(tag, terms.tags(), typed == null ? RenameForm.of(tag) : typed, e.errors());
        });
    }

    private static Response run(Runnable change, java.util.function.Supplier<Response> done,
            Function<InvalidInputException, TemplateInstance> page) {
        try {
            change.run();
            return done.get();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page.apply(e)).build();
        }
    }

    private Response savedCategories() {
        return Response.seeOther(URI.create("/admin/categories?saved=1")).build();
    }
}
