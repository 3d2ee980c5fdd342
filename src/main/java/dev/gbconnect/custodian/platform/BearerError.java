package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.core.Response;

/**
 * RFC 6750 §3.1: how a resource refuses a request for its bearer token, each with its one status and challenge.
 * {@link ErrorMappers} writes the JSON API's body and the {@code WWW-Authenticate: Bearer} challenge.
 */
public enum BearerError {
    /** §3.1: a request without any authentication gets the challenge without an error code. */
    TOKEN_MISSING("invalid_request", Response.Status.UNAUTHORIZED, true, false),
    /** Documented deviation (custodian.gba-harness): GBA's test harness expects 403, no challenge, for a blank header. */
    HEADER_BLANK("invalid_request", Response.Status.FORBIDDEN, false, false),
    INVALID_TOKEN("invalid_token", Response.Status.UNAUTHORIZED, true, true),
    /** A valid token without the privileges the resource needs. */
    INSUFFICIENT_SCOPE("insufficient_scope", Response.Status.FORBIDDEN, true, true);

    private static final String REALM = "Bearer realm=\"custodian\"";

    private final String code;
    private final Response.Status status;
    private final boolean challenges;
    private final boolean named;

    BearerError(String code, Response.Status status, boolean challenges, boolean named) {
        this.code = code;
        this.status = status;
        this.challenges = challenges;
        this.named = named;
    }

    public String code() {
        return code;
    }

    public Response.Status status() {
        return status;
    }

    /** The WWW-Authenticate value, naming the scope that would do when one is known; null for none. */
    String challenge(String scope) {
        if (!challenges) return null;
        String challenge = named ? REALM + ", error=\"" + code + "\"" : REALM;
        return scope == null ? challenge : challenge + ", scope=\"" + scope + "\"";
    }

    public BearerException because(String description) {
        return new BearerException(this, description, null);
    }

    /** RFC 6750 §3: the scope attribute, the scopes (space-separated) that would give access. */
    public BearerException because(String description, String scope) {
        return new BearerException(this, description, scope);
    }
}
