package org.quillpress.wxr;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quillpress.account.Role;
import org.quillpress.audit.AuditKind;
import org.quillpress.audit.AuditLog;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Admin pages to bring a WordPress export in (upload, progress, report) and to take the site out again. */
@jakarta.ws.rs.Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class WxrResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance importer(String error, List<WxrLink.Source> sources);

        static native TemplateInstance progress(ImportJobs.Job job, boolean finished);
    }

    /** A source's name is stored with room for the "#repeat-N" of items whose id the file repeats. */
    static final int MAX_SOURCE = 190;

    @Inject
    AuditLog audit;

    @Inject
    StaffText staff;

    @Inject
    ImportJobs jobs;

    @Inject
    WxrExporter exporter;

    @Inject
    Clock clock;

    @GET
    @jakarta.ws.rs.Path("import")
    @Transactional
    public TemplateInstance importPage() {
        return Templates.importer(null, WxrLink.sources());
    }

    /**
     * Takes an uploaded export (Quarkus has already streamed it to a file on disk) and starts importing it
     * in the background; the answer leads to the progress page.
     */
    @POST
    @jakarta.ws.rs.Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("source") String source,
            @RestForm("uploads") String uploads, @RestForm("download") boolean download) throws IOException {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.importer(staff.admin().wxrChooseFile(), WxrLink.sources()))
                    .build();
        }
        if (source != null && source.strip().length() > MAX_SOURCE) {
            throw new InvalidInputException(
                    java.util.Map.of("source", staff.admin().wxrSourceTooLong(MAX_SOURCE)));
        }
        Path uploadsPath = uploads == null || uploads.isBlank() ? null : Path.of(uploads.strip());
        if (uploadsPath != null && !Files.isDirectory(uploadsPath) && !uploadsPath.toString().endsWith(".zip")
                || uploadsPath != null && !Files.isReadable(uploadsPath)) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.importer(
                    staff.admin().wxrNoUploads(uploads.strip()), WxrLink.sources()))
                    .build();
        }
        Path own = Files.createTempFile("wxr-import-", ".xml");
        Files.move(file.uploadedFile(), own, StandardCopyOption.REPLACE_EXISTING);
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditKind.IMPORT_EXPORT,
                "WordPress import of " + (file.fileName() == null ? "export.xml" : file.fileName()), "started"));
        String id = jobs.start(own, file.fileName() == null ? "export.xml" : file.fileName(), source, uploadsPath,
                download);
        return Response.seeOther(URI.create("/admin/import/" + id)).build();
    }

    /**
     * The import's progress while it runs (the page refreshes itself), then its report: read from the database,
     * so any instance shows it, whichever runs the import.
     */
    @GET
    @jakarta.ws.rs.Path("import/{id}")
    public TemplateInstance progress(@RestPath String id) {
        ImportJobs.Job job = jobs.find(id).orElseThrow(NotFoundException::new);
        return Templates.progress(job, job.finished());
    }

    @GET
    @jakarta.ws.rs.Path("export.xml")
    @Produces(MediaType.APPLICATION_XML)
    public Response exportWxr() {
        StreamingOutput body = exporter::writeWxr;
        return download(body, "xml");
    }

    @GET
    @jakarta.ws.rs.Path("export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response exportJson() {
        StreamingOutput body = exporter::writeJson;
        return download(body, "json");
    }

    private Response download(StreamingOutput body, String extension) {
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(AuditKind.IMPORT_EXPORT, "export as " + extension, "downloaded"));
        String name = "quillpress-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "." + extension;
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
