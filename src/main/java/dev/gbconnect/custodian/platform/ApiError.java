package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Every error the JSON API (the ESPI resources, uploads, the operator's admin calls) answers with, each tied to its
 * one HTTP status: a closed set, so that a refusal cannot pick a status of its own. {@link ErrorMappers} writes them
 * as {@code {"error", "message", "problems"}} with {@code Cache-Control: no-store}. Bearer token refusals are
 * {@link BearerError}s, the OAuth endpoints' {@link OAuthError}s, a person's {@link PageError}s.
 */
public enum ApiError {
    /** A body or parameter missing or malformed. */
    INVALID_REQUEST("invalid_request", Response.Status.BAD_REQUEST),
    /** A feed query parameter (ESPI's published-min/max, updated-min/max, max-results, start-index) out of range. */
    INVALID_PARAMETER("invalid_parameter", Response.Status.BAD_REQUEST),
    /** A Green Button file that fails validation: nothing of it is kept, the problems list says why. */
    INVALID_UPLOAD("invalid_upload", Response.Status.BAD_REQUEST),
    /** The metrics endpoint without its token. */
    UNAUTHORIZED("unauthorized", Response.Status.UNAUTHORIZED),
    /** The metrics endpoint from elsewhere than this machine. */
    FORBIDDEN("forbidden", Response.Status.FORBIDDEN),
    NOT_FOUND("not_found", Response.Status.NOT_FOUND),
    METHOD_NOT_ALLOWED("method_not_allowed", Response.Status.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not_acceptable", Response.Status.NOT_ACCEPTABLE),
    DUPLICATE_USERNAME("duplicate_username", Response.Status.CONFLICT),
    CUSTOMER_DISABLED("customer_disabled", Response.Status.CONFLICT),
    CLIENT_REVOKED("client_revoked", Response.Status.CONFLICT),
    TOO_MANY_SECRETS("too_many_secrets", Response.Status.CONFLICT),
    ALREADY_DELIVERED("already_delivered", Response.Status.CONFLICT),
    /** Another upload stored the same new rows at the same time; this one stored nothing and may be sent again. */
    UPLOAD_CONFLICT("upload_conflict", Response.Status.CONFLICT),
    /** RFC 9110 §15.5.14, for a body other than an upload (custodian.max-form-bytes). */
    REQUEST_TOO_LARGE("request_too_large", Response.Status.REQUEST_ENTITY_TOO_LARGE),
    /** RFC 9110 §15.5.14, for an upload (custodian.upload.max-bytes). */
    UPLOAD_TOO_LARGE("upload_too_large", Response.Status.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", Response.Status.UNSUPPORTED_MEDIA_TYPE),
    /** RFC 9110 §15.5.20: a Host this server does not answer for. */
    MISDIRECTED_REQUEST("misdirected_request", 421),
    /** A bug: the answer gives a reference to quote, the log has the stack trace. */
    SERVER_ERROR("server_error", Response.Status.INTERNAL_SERVER_ERROR),
    /** RFC 9110 §15.6.4: the server is busy; the answer carries Retry-After. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", Response.Status.SERVICE_UNAVAILABLE);

    private final String code;
    private final int status;

    ApiError(String code, Response.Status status) {
        this(code, status.getStatusCode());
    }

    ApiError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The {@code error} member of the answer. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** This error, with what the caller needs to know to fix its request. */
    public ApiException because(String message) {
        return new ApiException(this, message, null);
    }

    /** This error, with each problem found (an upload's, by line and column). */
    public ApiException because(String message, List<String> problems) {
        return new ApiException(this, message, problems);
    }
}
