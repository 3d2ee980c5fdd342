package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.console.control.CustomerCsv;
import dev.gbconnect.custodian.console.control.CustomerImports;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.CustomerImport;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Importing customers from a CSV file (issue 19, docs/console.md): operators only, the file checked whole before
 * anything starts, then imported in the background ({@link CustomerImportJob}) while a page shows its progress
 * without JavaScript, and its per-line result as CSV.
 */
@Path("console/imports")
@RequestScoped
public class ConsoleImportsResource {

    private static final String TITLE = "Import customers";
    static final int RECENT = 20, INVALID_SHOWN = 100;

    @Inject
    StaffSessions sessions;

    @Inject
    CustomerImports imports;

    @Inject
    CustomerImportJob job;

    @Inject
    CustomerImportCsv results;

    @Context
    UriInfo uri;

    @GET
    public Response page(@CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        return operator(
                token,
                staff -> Templates.page(
                        Response.Status.OK,
                        "console/imports.jte",
                        new Pages.Imports(ConsoleForms.frame(uri, staff), imports.recent(RECENT))));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response start(
            @FormParam("csrf") String csrf,
            @FormParam("file") EntityPart file,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token)
            throws IOException {
        StaffSessions.Staff staff = ConsoleForms.posted(sessions, token, csrf, Role.Permission.CHANGE_CUSTOMERS, TITLE);
        if (file == null) throw PageError.INVALID.on(TITLE, "Choose a CSV file to import.");
        byte[] bytes;
        try (InputStream in = file.getContent()) {
            bytes = in.readNBytes(CustomerCsv.MAX_BYTES + 1);
        }
        if (bytes.length > CustomerCsv.MAX_BYTES)
            throw PageError.TOO_LARGE.on(
                    TITLE, "The file is larger than " + CustomerCsv.MAX_BYTES + " bytes; split it into several files.");
        List<CustomerCsv.Row> rows;
        try {
            rows = CustomerCsv.parse(bytes, CustomerCsv.MAX_ROWS);
        } catch (CustomerCsv.NotCsv e) {
            throw PageError.INVALID.on(TITLE, "Nothing was imported: " + e.getMessage() + ".");
        }
        CustomerImport started;
        try {
            started = job.start(ConsoleForms.actor(staff), file.getFileName().orElse(null), bytes, rows.size());
        } catch (CustomerImports.AlreadyRunning e) {
            throw PageError.CONFLICT.on(
                    TITLE, "This file is being imported already (import " + e.importId() + "); wait until it ends.");
        }
        job.run(started.id(), rows);
        // Post/redirect/get: the progress page reloads without posting the file again.
        return Response.seeOther(ConsoleForms.at(uri, "/imports/" + started.id()))
                .build();
    }

    @GET
    @Path("{id}")
    public Response progress(@PathParam("id") String id, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        return operator(token, staff -> {
            CustomerImport found = found(id);
            return Templates.page(
                    Response.Status.OK,
                    "console/import.jte",
                    new Pages.Import(
                            ConsoleForms.frame(uri, staff), found, imports.lines(found.id(), 0, INVALID_SHOWN, true)));
        });
    }

    /** Every line's outcome: {@code line,username,result,message}. */
    @GET
    @Path("{id}/results.csv")
    public Response download(@PathParam("id") String id, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff = sessions.find(token)
                .orElseThrow(() -> PageError.SIGNED_OUT.on(TITLE, "You are signed out. Please sign in again."));
        ConsoleForms.require(staff, Role.Permission.CHANGE_CUSTOMERS, TITLE);
        String importId = found(id).id();
        StreamingOutput body = out -> results.write(importId, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + importId + ".csv\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private CustomerImport found(String id) {
        return imports.find(id).orElseThrow(() -> PageError.NOT_FOUND.on(TITLE, "There is no import " + id + "."));
    }

    /** The page for operators; the sign-in page for anyone signed out; 403 for other roles. */
    private Response operator(
            String token, java.util.function.Function<StaffSessions.Staff, Response.ResponseBuilder> page) {
        var staff = sessions.find(token);
        if (staff.isEmpty()) return ConsoleForms.toSignIn(uri);
        ConsoleForms.require(staff.get(), Role.Permission.CHANGE_CUSTOMERS, TITLE);
        return page.apply(staff.get()).build();
    }
}
