package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.console.control.CustomerViews;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.ingest.boundary.Imports;
import dev.gbconnect.custodian.ingest.boundary.UploadRecorder;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.ErrorMappers;
import dev.gbconnect.custodian.platform.MultipartForm;
import dev.gbconnect.custodian.platform.PageError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A Green Button file of a customer's usage data uploaded from the browser: the same import and history as the API's
 * upload. The multipart body is read as it arrives ({@link MultipartForm}): the form token and the customer come
 * first in the form, and are checked before a byte of the file is read; the file streams into the importer, which
 * holds the size limit. BodySizeLimit lets this path through for that reason.
 */
@Path("console")
@RequestScoped
public class ConsoleUploadForm {

    private static final String TITLE = ConsoleUploadsResource.TITLE;

    /** What a form may add to the file: its other fields and the multipart headers and delimiters. */
    static final long FORM_OVERHEAD = 16 * 1024;

    @Inject
    StaffSessions sessions;

    @Inject
    CustomerViews customers;

    @Inject
    Imports imports;

    @Inject
    UploadRecorder recorder;

    @Inject
    ConsoleUploadsResource pages;

    @Inject
    AuditOnItsOwn audit;

    @Inject
    @ConfigProperty(name = "custodian.upload.max-bytes")
    long maxBytes;

    @Context
    UriInfo uri;

    @POST
    @Path("uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @HeaderParam("Content-Type") MediaType type,
            @HeaderParam("Content-Length") Long length,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token,
            InputStream body) {
        StaffSessions.Staff signedIn = sessions.find(token)
                .orElseThrow(() -> PageError.SIGNED_OUT.on(TITLE, "You are signed out. Please sign in again."));
        ConsoleForms.require(signedIn, Role.Permission.UPLOAD, TITLE);
        if (length != null && length > maxBytes + FORM_OVERHEAD)
            throw PageError.TOO_LARGE.on(
                    TITLE, "The file is larger than the limit of " + maxBytes + " bytes (custodian.upload.max-bytes).");
        try {
            MultipartForm form = new MultipartForm(body, type.getParameters().get("boundary"));
            String csrf = field(form, "csrf"),
                    customer = field(form, "customer").strip();
            StaffSessions.Staff staff = ConsoleForms.posted(sessions, token, csrf, Role.Permission.UPLOAD, TITLE);
            MultipartForm.Part file = form.next();
            if (file == null
                    || !"file".equals(file.name())
                    || file.filename() == null
                    || file.filename().isEmpty())
                throw PageError.INVALID.on(TITLE, "Choose a Green Button file to upload.");
            return imported(staff, customerId(customer), file);
        } catch (IOException e) {
            throw PageError.INVALID.on(TITLE, "The form arrived incomplete or malformed (" + e.getMessage() + ").");
        }
    }

    private Response imported(StaffSessions.Staff staff, String customerId, MultipartForm.Part file) {
        UploadRecorder.Upload upload = new UploadRecorder.Upload(
                new UploadRecord.Actor(
                        staff.identity().subject(), staff.identity().name()),
                "usage",
                customerId,
                null);
        UploadRecorder.Recorded done = recorder.record(
                upload, file.content(), (in, stored) -> imports.usage(customerId, in, maxBytes, stored));
        audit.record(
                ConsoleForms.actor(staff),
                "upload",
                "customer " + customerId + ": " + done.entry().result());
        if (done.refusal() == null)
            return Response.seeOther(
                            ConsoleForms.at(uri, "/uploads/" + done.entry().id()))
                    .build();
        // A browser still sending reads no answer; one the server closes on shows a broken connection instead.
        file.drain(maxBytes);
        ApiException refused = ErrorMappers.causeOf(done.refusal(), ApiException.class);
        if (refused == null) throw done.refusal();
        return pages.page(
                        Response.Status.fromStatusCode(refused.error().status()),
                        staff,
                        done.entry().id())
                .build();
    }

    /** The next part, which must be the field {@code name}: the form sends its fields before the file. */
    private static String field(MultipartForm form, String name) throws IOException {
        MultipartForm.Part part = form.next();
        if (part == null || !name.equals(part.name()) || part.filename() != null)
            throw PageError.INVALID.on(TITLE, "The page expired. Please go back, reload it and try again.");
        return part.text(512);
    }

    /** The customer named by username (any case) or id; anything else goes on as an id the import will not find. */
    private String customerId(String customer) {
        if (customer.isEmpty()) throw PageError.INVALID.on(TITLE, "Name the customer: their username or id.");
        return customers.search(customer).stream()
                .filter(c -> c.username().equalsIgnoreCase(customer) || c.id().equals(customer))
                .map(c -> c.id())
                .findFirst()
                .orElse(customer);
    }
}
