package org.quillpress.post;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.post.PostDesk.BulkAction;
import org.quillpress.post.PostDesk.Tab;
import org.quillpress.security.CurrentUser;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Paths;
import org.quillpress.web.StaffMessages;
import org.quillpress.web.StaffText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/**
 * The authors' desk: the list of posts and pages at /write/posts (every status, the trash, bulk actions), the
 * trash, restore and purge buttons, and a post's revisions with a diff between any two.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.AUTHOR_ROLE)
public class DeskResource {

    /** The list's filters as they arrive in a link or come back with the bulk form. */
    public record ListParams(String status, String q, String author, String category, String tag, String kind,
            String sort, String after) {

        PostDesk.Query query() {
            return new PostDesk.Query(Tab.parse(status), q, author, category, tag, PostDesk.kind(kind),
                    PostDesk.Sort.parse(sort), after, PostDesk.PAGE_SIZE);
        }

        /** The list's address with these filters, {@code status} and {@code after} replaced. */
        String path(String newStatus, String newAfter) {
            return path(newStatus, newAfter, null);
        }

        /** The same, after a bulk action: {@code done} names it for the notice. */
        String path(String newStatus, String newAfter, String done) {
            StringBuilder path = new StringBuilder(Paths.desk());
            char sep = '?';
            for (String[] p : new String[][] { { "status", newStatus }, { "q", q }, { "author", author },
                    { "category", category }, { "tag", tag }, { "kind", kind }, { "sort", sort }, { "after", newAfter },
                    { "done", done } }) {
                if (p[1] != null && !p[1].isBlank()) {
                    path.append(sep).append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
                    sep = '&';
                }
            }
            return path.toString();
        }
    }

    /** A tab over the list: its label, how many posts it holds, where it leads. */
    public record TabLink(String label, long count, String path, boolean current) {
    }

    /** An entry of a filter menu. */
    public record Option(String value, String label) {
    }

    /** The whole list page. */
    @TemplateData(namespace = TemplateData.SIMPLENAME)
    public record DeskPage(ListParams params, Tab tab, List<TabLink> tabs, List<PostDesk.Row> rows, String nextPath,
            String firstPath, List<Option> categories, List<Option> authors, List<Option> bulkActions,
            Map<String, String> errors, String notice) {

        public static final int MAX_QUERY = PostDesk.MAX_QUERY;

        public boolean trash() {
            return tab == Tab.TRASH;
        }

        public String sortOr() {
            return params.sort() == null ? "updated" : params.sort();
        }
    }

    /** The revisions page: the list, and the diff between the two chosen (newest and the one before by default). */
    public record RevisionsPage(PostRevisions.History history, PostRevisions.Diff diff, Map<String, String> errors) {
        public String diffPath(long from, long to) {
            return Paths.postRevisions(history.slug()) + "?from=" + from + "&to=" + to;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance posts(DeskPage page);

        static native TemplateInstance revisions(RevisionsPage page);
    }

    @Inject
    PostDesk desk;

    @Inject
    PostTrash trash;

    @Inject
    PostRevisions revisions;

    @Inject
    CurrentUser currentUser;

    @Inject
    StaffText staff;

    @GET
    @Path("write/posts")
    public TemplateInstance list(@RestQuery String status, @RestQuery String q, @RestQuery String author,
            @RestQuery String category, @RestQuery String tag, @RestQuery String kind, @RestQuery String sort,
            @RestQuery String after, @RestQuery String done) {
        return page(new ListParams(status, q, author, category, tag, kind, sort, after), Map.of(), notice(done));
    }

    @POST
    @Path("write/posts/bulk")
    public Response bulk(@BeanParam DeskForm form) {
        ListParams params = form.list();
        try {
            BulkAction action = BulkAction.parse(form.action());
            desk.bulk(action, form.postIds(staff.messages()), form.category(), currentUser.require());
            return Response.seeOther(URI.create(params.path(params.status(), null, action.name().toLowerCase(Locale.ROOT))))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(page(params, e.errors(), null)).build();
        }
    }

    @POST
    @Path("posts/{slug}/trash")
    public Response trash(@RestPath String slug) {
        trash.trash(slug, currentUser.require());
        return Response.seeOther(URI.create(Paths.desk() + "?status=trash&done=trash")).build();
    }

    @POST
    @Path("posts/{slug}/restore")
    public Response restore(@RestPath String slug) {
        Post post = trash.restore(slug, currentUser.require());
        return Response.seeOther(URI.create(Paths.postEdit(post.slug))).build();
    }

    @POST
    @Path("posts/{slug}/purge")
    public Response purge(@RestPath String slug) {
        trash.purge(slug, currentUser.require());
        return Response.seeOther(URI.create(Paths.desk() + "?status=trash&done=purge")).build();
    }

    @GET
    @Path("posts/{slug}/revisions")
    public TemplateInstance revisions(@RestPath String slug, @RestQuery Long from, @RestQuery Long to) {
        return revisionsPage(slug, from, to, Map.of());
    }

    @POST
    @Path("posts/{slug}/revisions/{id}/restore")
    public Response restoreRevision(@RestPath String slug, @RestPath long id, @RestForm Integer version) {
        try {
            Post post = revisions.restore(slug, id, version, currentUser.require());
            return Response.seeOther(URI.create(Paths.postEdit(post.slug))).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(revisionsPage(slug, null, null, e.errors())).build();
        }
    }

    private TemplateInstance revisionsPage(String slug, Long from, Long to, Map<String, String> errors) {
        AccountPrincipal viewer = currentUser.require();
        PostRevisions.History history = revisions.history(slug, viewer);
        PostRevisions.Diff diff = null;
        List<PostRevisions.Revision> list = history.revisions();
        if (from != null && to != null) {
            diff = revisions.diff(slug, from, to, viewer);
        } else if (list.size() > 1) {
            diff = revisions.diff(slug, list.get(1).id(), list.get(0).id(), viewer);
        }
        return Templates.revisions(new RevisionsPage(history, diff, errors));
    }

    private TemplateInstance page(ListParams params, Map<String, String> errors, String notice) {
        AccountPrincipal viewer = currentUser.require();
        Tab tab = Tab.parse(params.status());
        PostDesk.Page result = desk.list(params.query(), viewer);
        StaffMessages text = staff.messages();
        List<TabLink> tabs = new ArrayList<>();
        for (Tab t : Tab.values()) {
            String label = switch (t) {
                case ALL -> text.statusAll();
                case DRAFT -> text.statusDraft();
                case SCHEDULED -> text.statusScheduled();
                case PUBLISHED -> text.statusPublished();
                case TRASH -> text.statusTrash();
            };
            tabs.add(new TabLink(label, result.counts().of(t), params.path(t.param(), null), t == tab));
        }
        List<Option> categories = Category.listByName().stream().map(c -> new Option(c.slug, c.name)).toList();
        List<Option> authors = Post.editsEveryPost(viewer)
                ? Account.<Account> find("select distinct a from Account a where exists "
                        + "(select 1 from Post p where p.author = a) order by a.displayName").list().stream()
                        .map(a -> new Option(a.handle, a.displayName)).toList()
                : List.of();
        List<Option> actions = tab == Tab.TRASH
                ? List.of(new Option("restore", text.restore()), new Option("purge", text.deletePermanently()))
                : List.of(new Option("publish", text.deskPublish()), new Option("trash", text.moveToTrash()),
                        new Option("category", text.deskChangeCategory()));
        return Templates.posts(new DeskPage(params, tab, tabs, result.rows(),
                result.next() == null ? null : params.path(tab.param(), result.next()),
                params.after() == null ? null : params.path(tab.param(), null), categories, authors, actions, errors,
                notice));
    }

    private String notice(String done) {
        if (done == null) {
            return null;
        }
        StaffMessages text = staff.messages();
        return switch (done) {
            case "publish" -> text.deskDonePublish();
            case "trash" -> text.deskDoneTrash();
            case "restore" -> text.deskDoneRestore();
            case "purge" -> text.deskDonePurge();
            case "category" -> text.deskDoneCategory();
            default -> null;
        };
    }
}
