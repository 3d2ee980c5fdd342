package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A request we refuse, with what the caller needs to fix it. Thrown anywhere below a resource; {@link ErrorMappers}
 * turns it into the one JSON error shape. Unchecked so that a transactional boundary rolls back.
 */
public class ApiException extends RuntimeException {

    /** The RFC 6750 challenge every bearer refusal starts with. */
    public static final String BEARER_REALM = "Bearer realm=\"custodian\"";

    private final Response.Status status;
    private final String error;
    private final List<String> problems;
    private String challenge;
    private String pageTitle;
    private URI location;
    private Long retryAfter;

    public ApiException(Response.Status status, String error, String message) {
        this(status, error, message, null);
    }

    public ApiException(Response.Status status, String error, String message, List<String> problems) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.problems = problems;
    }

    /** A refusal shown to a person in a browser, as an HTML page with this title. */
    public static ApiException page(Response.Status status, String title, String message) {
        ApiException e = new ApiException(status, "invalid_request", message);
        e.pageTitle = title;
        return e;
    }

    /**
     * An error the client learns by redirect (RFC 6749 §4.1.2.1), once its redirect URI is known to be safe: 302,
     * as in the RFC's example and as GBA's harness expects of the authorization endpoint (GREEN-BUTTON-CMD.md OA-03).
     */
    public static ApiException redirect(URI location, String error, String description) {
        ApiException e = new ApiException(Response.Status.FOUND, error, description);
        e.location = location;
        return e;
    }

    /** RFC 6750 §3.1: a valid bearer token without the rights this request needs. */
    public static ApiException insufficientScope(String message) {
        return new ApiException(Response.Status.FORBIDDEN, "insufficient_scope", message)
                .challenge(BEARER_REALM + ", error=\"insufficient_scope\"");
    }

    /** The {@code WWW-Authenticate} value to send with this refusal. */
    public ApiException challenge(String value) {
        this.challenge = value;
        return this;
    }

    /** RFC 9110 §10.2.3: when to try again, for 429 and 503. */
    public ApiException retryAfter(long seconds) {
        this.retryAfter = seconds;
        return this;
    }

    public Long retryAfter() {
        return retryAfter;
    }

    public String challenge() {
        return challenge;
    }

    public String pageTitle() {
        return pageTitle;
    }

    public URI location() {
        return location;
    }

    public Response.Status status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<String> problems() {
        return problems;
    }

    public static ApiException notFound(String what) {
        return new ApiException(Response.Status.NOT_FOUND, "not_found", what + " does not exist");
    }
}
