package org.quillpress.post;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Account;
import org.quillpress.post.PostListing.Cursor;
import org.quillpress.post.PostListing.Filter;
import org.quillpress.post.PostViews.AuthorCard;
import org.quillpress.post.PostViews.Listing;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.Paths;
import org.quillpress.web.PublicPage;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.SiteTime;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The public lists of posts: home and the archives (a post's own page is comment.PostPageResource; search is the search
 * package's).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BlogResource {

    /** What heads an archive page and where its feed is. */
    public record ArchiveHeading(String kind, String title, String description, String path, String feedPath) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Listing listing, boolean firstPage);

        static native TemplateInstance archive(ArchiveHeading heading, Listing listing, AuthorCard author);
    }

    @Inject
    PostListing listing;

    @Inject
    SiteSettings settings;

    @GET
    @PublicPage
    public TemplateInstance home(@RestQuery String before, @RestQuery String after) {
        Listing page = listing.list(Filter.ALL, Cursor.decode(before), Cursor.decode(after), pageSize());
        return Templates.home(page, before == null && after == null);
    }

    @GET
    @PublicPage
    @Path("tags/{slug}")
    public Response tag(@RestPath String slug, @RestQuery String before, @RestQuery String after) {
        Tag tag = Tag.findBySlug(slug).orElse(null);
        if (tag == null) {
            return moved(TagRedirect.currentSlugFor(slug).map(Paths::tag));
        }
        ArchiveHeading heading = new ArchiveHeading(SiteLanguage.messages().archiveKindTag(), tag.name,
                SiteLanguage.messages().archiveTagged(tag.name),
                Paths.tag(tag.slug), Paths.tagFeed(tag.slug));
        return Response.ok(Templates.archive(heading, listing.list(Filter.tag(tag.id), Cursor.decode(before),
                Cursor.decode(after), pageSize()), null)).build();
    }

    @GET
    @PublicPage
    @Path("categories/{slug}")
    public Response category(@RestPath String slug, @RestQuery String before, @RestQuery String after) {
        Category category = Category.findBySlug(slug).orElse(null);
        if (category == null) {
            return moved(CategoryRedirect.currentSlugFor(slug).map(Paths::category));
        }
        String description = category.description == null || category.description.isBlank()
                ? SiteLanguage.messages().archiveInCategory(category.name)
                : category.description;
        ArchiveHeading heading = new ArchiveHeading(SiteLanguage.messages().archiveKindCategory(), category.name, description,
                Paths.category(category.slug), Paths.categoryFeed(category.slug));
        return Response.ok(Templates.archive(heading, listing.list(Filter.category(category.id), Cursor.decode(before),
                Cursor.decode(after), pageSize()), null)).build();
    }

    @GET
    @PublicPage
    @Path("authors/{handle}")
    public TemplateInstance author(@RestPath String handle, @RestQuery String before, @RestQuery String after) {
        Account account = Account.findByHandle(handle).orElseThrow(NotFoundException::new);
        AuthorCard card = new AuthorCard(account.displayName, account.handle, account.bio, account.website);
        ArchiveHeading heading = new ArchiveHeading(SiteLanguage.messages().archiveKindAuthor(), account.displayName,
                SiteLanguage.messages().archiveBy(account.displayName), card.path(), Paths.authorFeed(account.handle));
        return Templates.archive(heading, listing.list(Filter.author(account.id), Cursor.decode(before),
                Cursor.decode(after), pageSize()), card);
    }

    @GET
    @PublicPage
    @Path("archive/{year: \\d{4}}/{month: \\d{1,2}}")
    public TemplateInstance month(@RestPath int year, @RestPath int month, @RestQuery String before,
            @RestQuery String after) {
        if (month < 1 || month > 12) {
            throw new NotFoundException();
        }
        LocalDate first = LocalDate.of(year, month, 1);
        String name = SiteTime.month(YearMonth.of(year, month));
        ArchiveHeading heading = new ArchiveHeading(SiteLanguage.messages().archiveKindMonth(), name,
                SiteLanguage.messages().archiveInMonth(name),
                Paths.month(year, month), null);
        // the month as the site's readers live it: a post shown as "30 November" belongs to November
        Filter filter = Filter.between(first.atStartOfDay(SiteTime.zone()).toInstant(),
                first.plusMonths(1).atStartOfDay(SiteTime.zone()).toInstant());
        return Templates.archive(heading, listing.list(filter, Cursor.decode(before), Cursor.decode(after),
                pageSize()), null);
    }

    /** A renamed or merged term's old address: a permanent redirect to where it is now, else 404. */
    private static Response moved(java.util.Optional<String> path) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(java.net.URI.create(path.orElseThrow(NotFoundException::new))).build();
    }

    private int pageSize() {
        return settings.current().postsPerPage();
    }
}
