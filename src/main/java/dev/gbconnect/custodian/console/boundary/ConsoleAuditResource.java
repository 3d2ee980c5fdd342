package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.audit.entity.AuditEntry;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The audit log, filtered and paged, and the same entries as CSV. Read only: no path here or anywhere changes it. */
@Path("console")
@RequestScoped
public class ConsoleAuditResource {

    private static final String TITLE = "Audit log";
    static final int PAGE = 50;

    @Inject
    StaffSessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    AuditCsv csv;

    @Context
    UriInfo uri;

    @GET
    @Path("audit")
    public Response page(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("page") String page,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        AuditLog.Filter filter = filter(actor, action, target);
        int n = pageNumber(page);
        return ConsoleForms.reading(sessions, token, uri, TITLE, staff -> {
            List<AuditEntry> entries = audit.find(filter, n * PAGE, PAGE + 1);
            return Templates.page(
                    Response.Status.OK,
                    "console/audit.jte",
                    new Pages.Audit(
                            ConsoleForms.frame(uri, staff),
                            filter,
                            entries.subList(0, Math.min(PAGE, entries.size())),
                            n,
                            entries.size() > PAGE));
        });
    }

    /** Every entry the filter selects, newest first, read in pages as the answer is written. */
    @GET
    @Path("audit.csv")
    public Response export(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        AuditLog.Filter filter = filter(actor, action, target);
        StaffSessions.Staff staff = sessions.find(token)
                .orElseThrow(() -> PageError.SIGNED_OUT.on(TITLE, "You are signed out. Please sign in again."));
        ConsoleForms.require(staff, Role.Permission.READ, TITLE);
        StreamingOutput body = out -> csv.write(filter, ConsoleForms.actor(staff), out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static AuditLog.Filter filter(String actor, String action, String target) {
        for (String s : new String[] {actor, action, target})
            if (s != null && s.length() > 256) throw PageError.INVALID.on(TITLE, "Filter by at most 256 characters.");
        return new AuditLog.Filter(actor, action, target);
    }

    private static int pageNumber(String page) {
        if (page == null || page.isEmpty()) return 0;
        if (!page.matches("[0-9]{1,6}")) throw PageError.INVALID.on(TITLE, "page must be a number.");
        return Integer.parseInt(page);
    }
}
