package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.ingest.boundary.UploadLog;
import dev.gbconnect.custodian.ingest.control.UploadHistory;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import dev.gbconnect.custodian.platform.Html;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upload history (issue 19 item 5), newest first, paged and filtered by result, with the form that uploads a
 * Green Button file from the browser ({@link ConsoleUploadForm}) and its progress script.
 */
@Path("console")
@RequestScoped
public class ConsoleUploadsResource {

    static final String TITLE = "Uploads";
    static final int PAGE = 50;

    @Inject
    StaffSessions sessions;

    @Inject
    UploadLog log;

    @Inject
    @ConfigProperty(name = "custodian.upload.max-bytes")
    long maxBytes;

    @Context
    UriInfo uri;

    @GET
    @Path("uploads")
    public Response page(
            @QueryParam("result") String result,
            @QueryParam("customer") String customer,
            @QueryParam("page") String page,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        if (result != null && (result.length() > 32 || !result.matches("[a-z_]*")))
            throw PageError.INVALID.on(TITLE, "Choose a result from the list.");
        String filter = result == null || result.isEmpty() ? null : result;
        int n = pageNumber(page);
        return ConsoleForms.reading(sessions, token, uri, TITLE, staff -> {
            List<UploadRecord> found = log.find(new UploadHistory.Filter(filter, null), n * PAGE, PAGE + 1);
            Pages.Uploads model = new Pages.Uploads(
                    ConsoleForms.frame(uri, staff),
                    customer,
                    filter,
                    found.subList(0, Math.min(PAGE, found.size())),
                    n,
                    found.size() > PAGE,
                    maxBytes);
            return Html.respondWithScript(Response.Status.OK, Templates.render("console/uploads.jte", model));
        });
    }

    @GET
    @Path("uploads/{id}")
    public Response one(@PathParam("id") String id, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        return ConsoleForms.reading(sessions, token, uri, TITLE, staff -> page(Response.Status.OK, staff, id));
    }

    /** One upload's record, under the status of the answer that shows it (a refused upload's: 400, 404, 413). */
    Response.ResponseBuilder page(Response.Status status, StaffSessions.Staff staff, String id) {
        UploadRecord entry =
                log.find(id).orElseThrow(() -> PageError.NOT_FOUND.on(TITLE, "There is no upload with this id."));
        return Templates.page(status, "console/upload.jte", new Pages.Upload(ConsoleForms.frame(uri, staff), entry));
    }

    /** The upload form's progress bar (progressive enhancement: the form posts as it is without it). */
    @GET
    @Path("upload.js")
    public Response script() {
        return Response.ok(UploadScript.TEXT, "text/javascript; charset=UTF-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static int pageNumber(String page) {
        if (page == null || page.isEmpty()) return 0;
        if (!page.matches("[0-9]{1,6}")) throw PageError.INVALID.on(TITLE, "page must be a number.");
        return Integer.parseInt(page);
    }
}
