package org.quillpress.operations;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Role;
import org.quillpress.audit.AuditKind;
import org.quillpress.audit.AuditLog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin page that backs the embedded build up while it runs, and lists the backups made so far. */
@Path("/admin/backup")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class BackupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(boolean supported, String dir, List<String> backups, String taken);
    }

    @Inject
    Backups backups;

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance page(@RestQuery String taken) {
        boolean supported = backups.supported();
        return Templates.page(supported, backups.dir().toString(), supported ? backups.list() : List.of(),
                taken != null && backups.list().contains(taken) ? taken : null);
    }

    /** Writes a backup (database and media) into the backup folder on the server. */
    @POST
    public Response take() {
        if (!backups.supported()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.page(false, backups.dir().toString(), List.of(), null)).build();
        }
        Backups.Taken taken = backups.take();
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditKind.IMPORT_EXPORT, "backup",
                taken.dir().getFileName() + " written on the server"));
        return Response.seeOther(URI.create("/admin/backup?taken=" + taken.dir().getFileName())).build();
    }
}
