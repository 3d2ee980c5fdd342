package dev.gbconnect.custodian.platform;

import java.net.URI;

/**
 * An {@link AuthorizationError} the client learns by redirect (RFC 6749 §4.1.2.1): {@link ErrorMappers} answers 303
 * to {@code location}, which already carries {@code error}, {@code error_description}, {@code state} and {@code iss}.
 */
public final class AuthorizationRedirect extends Refusal {

    private final AuthorizationError error;
    private final URI location;

    public AuthorizationRedirect(AuthorizationError error, String description, URI location) {
        super(description);
        this.error = error;
        this.location = location;
    }

    public AuthorizationError error() {
        return error;
    }

    public URI location() {
        return location;
    }
}
