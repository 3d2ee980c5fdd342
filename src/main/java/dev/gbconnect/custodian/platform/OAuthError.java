package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.core.Response;

/**
 * Every error the OAuth endpoints (token, revocation, introspection, registration) answer with, each tied to its one
 * HTTP status: a closed set, so that a refusal cannot pick a status or a body shape of its own. {@link ErrorMappers}
 * writes them as RFC 6749 §5.2 says, {@code {"error", "error_description"}} with {@code Cache-Control: no-store}
 * and {@code Pragma: no-cache}, and {@code WWW-Authenticate: Basic} on 401 (§5.2: the client authenticated, or
 * tried to, with HTTP Basic).
 */
public enum OAuthError {
    /** RFC 6749 §5.2: a parameter missing, repeated or malformed, or a request the endpoint cannot read. */
    INVALID_REQUEST("invalid_request", Response.Status.BAD_REQUEST),
    /** RFC 6749 §5.2: unknown client, wrong secret, no or a second authentication method. */
    INVALID_CLIENT("invalid_client", Response.Status.UNAUTHORIZED),
    INVALID_GRANT("invalid_grant", Response.Status.BAD_REQUEST),
    UNAUTHORIZED_CLIENT("unauthorized_client", Response.Status.BAD_REQUEST),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", Response.Status.BAD_REQUEST),
    INVALID_SCOPE("invalid_scope", Response.Status.BAD_REQUEST),
    /** RFC 7591 §3.2.2. */
    INVALID_REDIRECT_URI("invalid_redirect_uri", Response.Status.BAD_REQUEST),
    /** RFC 7591 §3.2.2. */
    INVALID_CLIENT_METADATA("invalid_client_metadata", Response.Status.BAD_REQUEST),
    /**
     * Too many failures: the client waits for Retry-After. The code is RFC 8628 §3.5's, registered for token
     * endpoint answers; RFC 6749 has none for this.
     */
    SLOW_DOWN("slow_down", Response.Status.TOO_MANY_REQUESTS),
    /** A body over the size limit (RFC 9110 §15.5.14); RFC 6749's code for a request the server cannot read. */
    BODY_TOO_LARGE("invalid_request", Response.Status.REQUEST_ENTITY_TOO_LARGE),
    /** A body that is not form-url-encoded (or JSON where that is taken), RFC 9110 §15.5.16. */
    UNSUPPORTED_MEDIA_TYPE("invalid_request", Response.Status.UNSUPPORTED_MEDIA_TYPE);

    private final String code;
    private final Response.Status status;

    OAuthError(String code, Response.Status status) {
        this.code = code;
        this.status = status;
    }

    /** The {@code error} member of the answer. */
    public String code() {
        return code;
    }

    public Response.Status status() {
        return status;
    }

    /** This error, with what the client needs to know to fix its request. */
    public OAuthException because(String description) {
        return new OAuthException(this, description);
    }
}
