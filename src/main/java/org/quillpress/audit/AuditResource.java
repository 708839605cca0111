package org.quillpress.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Role;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log for admins: newest first, filtered by kind and by who did it, fifty entries a page. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    /** An entry as the page shows it. */
    public record Row(Instant at, String actor, AuditKind kind, String subject, String detail) {
    }

    /** Someone who appears in the log, for the "who" filter. */
    public record Actor(long id, String name) {
    }

    /** One page of the log, with the filters it was asked for and where the neighbouring pages are. */
    public record LogPage(List<Row> rows, List<AuditKind> kinds, AuditKind kind, List<Actor> actors, Long actor,
            int page, boolean hasNext) {

        public String newer() {
            return link(page - 1);
        }

        public String older() {
            return link(page + 1);
        }

        private String link(int toPage) {
            StringBuilder query = new StringBuilder("/admin/audit?page=").append(toPage);
            if (kind != null) {
                query.append("&kind=").append(kind.name());
            }
            if (actor != null) {
                query.append("&actor=").append(actor);
            }
            return query.toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(LogPage log);
    }

    @GET
    @Transactional
    public TemplateInstance log(@RestQuery String kind, @RestQuery Long actor, @RestQuery Integer page) {
        AuditKind k = AuditKind.parse(kind);
        int p = page == null || page < 1 ? 1 : page;
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (k != null) {
            where.add("kind = :kind");
            params.and("kind", k);
        }
        if (actor != null) {
            where.add("actorId = :actor");
            params.and("actor", actor);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by at desc, id desc";
        // one more than a page tells whether there is a next one, without counting the whole log
        List<AuditEntry> found = AuditEntry.<AuditEntry> find(query, params).page(Page.of(p - 1, PAGE_SIZE + 1))
                .list();
        boolean hasNext = found.size() > PAGE_SIZE;
        List<Row> rows = found.stream().limit(PAGE_SIZE)
                .map(e -> new Row(e.at, e.actorName == null ? AuditWords.siteActor() : e.actorName, e.kind,
                        AuditWords.subject(e.subject), AuditWords.detail(e.kind, e.detail)))
                .toList();
        List<Actor> actors = AuditEntry.getEntityManager().createQuery(
                "select distinct e.actorId, e.actorName from AuditEntry e where e.actorId is not null "
                        + "order by e.actorName",
                Object[].class).setMaxResults(200).getResultList().stream()
                .map(r -> new Actor((Long) r[0], (String) r[1])).toList();
        return Templates.audit(new LogPage(rows, List.of(AuditKind.values()), k, actors, actor, p, hasNext));
    }
}
