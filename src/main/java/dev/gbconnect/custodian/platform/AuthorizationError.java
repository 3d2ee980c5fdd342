package dev.gbconnect.custodian.platform;

/**
 * RFC 6749 §4.1.2.1: the errors the authorization endpoint tells the client by redirect, once the client's redirect
 * URI is known to be its own (before that, the person gets a {@link PageError}).
 */
public enum AuthorizationError {
    INVALID_REQUEST("invalid_request"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    INVALID_SCOPE("invalid_scope"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    ACCESS_DENIED("access_denied");

    private final String code;

    AuthorizationError(String code) {
        this.code = code;
    }

    /** The {@code error} parameter of the redirect. */
    public String code() {
        return code;
    }
}
