package dev.gbconnect.custodian.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds every request body but an upload's ({@code custodian.max-form-bytes}, 64 KiB by default): forms and JSON
 * are small, and a reader handed an endless body holds memory and a thread for as long as the client keeps sending.
 * A body that announces a larger length gets 413 unread; one that does not (chunked) is read up to the bound and
 * refused as soon as it passes it, before any reader parses it. The refusal takes the shape of the protocol: OAuth
 * JSON on the OAuth endpoints, a page for a person's form, the API's JSON elsewhere. Green Button uploads keep
 * their own, far larger bound ({@code custodian.upload.max-bytes}), the console's upload form included.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    /**
     * Usage data, one customer's information, many customers' information (upload.md), and the console's form that
     * sends a Green Button file (multipart, streamed; console.md).
     */
    private static final Pattern UPLOAD =
            Pattern.compile("/?(espi/1_1/resource/Batch/RetailCustomer(/[^/]+(/UsagePoint)?)?|console/uploads)/?");

    /** The forms of the customer's pages: the portal's and the consent flow's (CustomerFrame). */
    private static final Pattern CUSTOMER_FORMS = Pattern.compile("/?(portal|oauth/authorize)(/.*)?");

    /** The console's customer CSV, with its own bound: a file, not a form (console.md). */
    private static final Pattern CSV_IMPORT = Pattern.compile("/?console/imports/?");

    /** The largest file a console form carries (10 MiB); its form adds a token and the multipart framing. */
    public static final int MAX_FILE_BYTES = 10 << 20;

    private static final int MAX_FILE_FORM_BYTES = MAX_FILE_BYTES + 16 * 1024;

    @Inject
    @ConfigProperty(name = "custodian.max-form-bytes", defaultValue = "65536")
    int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) return;
        String path = request.getUriInfo().getPath();
        if ("POST".equals(method) && UPLOAD.matcher(path).matches()) return;
        int bound = "POST".equals(method) && CSV_IMPORT.matcher(path).matches() ? MAX_FILE_FORM_BYTES : maxBytes;
        if (announced(request.getHeaderString(HttpHeaders.CONTENT_LENGTH)) > bound)
            throw tooLarge(path, request.getMediaType(), bound);
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(bound + 1);
        if (body.length > bound) throw tooLarge(path, request.getMediaType(), bound);
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /** The Content-Length, as a long: beyond 2 GiB it is still a number, only too large. */
    private static long announced(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private RuntimeException tooLarge(String path, MediaType type, int bound) {
        String message = bound == maxBytes
                ? "the request body is larger than " + maxBytes + " bytes (custodian.max-form-bytes)"
                : "the file is larger than " + MAX_FILE_BYTES + " bytes; split it into several files";
        if (ErrorMappers.speaksOAuth(path)) return OAuthError.BODY_TOO_LARGE.because(message);
        // Forms are what browsers send: the person behind one gets a page, a customer's in their language.
        if (type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)))
            return CUSTOMER_FORMS.matcher(path).matches()
                    ? PageError.TOO_LARGE.customer("error.too-large.title", "error.too-large", maxBytes / 1024)
                    : PageError.TOO_LARGE.on("Too much to send", message);
        return ApiError.REQUEST_TOO_LARGE.because(message);
    }
}
