package dev.gbconnect.custodian.platform;

/** A request refused for its bearer token: one of the {@link BearerError}s, its description and the scope needed. */
public final class BearerException extends Refusal {

    private final BearerError error;
    private final String scope;

    BearerException(BearerError error, String description, String scope) {
        super(description);
        this.error = error;
        this.scope = scope;
    }

    public BearerError error() {
        return error;
    }

    /** The {@code WWW-Authenticate} value to send, or null for none. */
    public String challenge() {
        return error.challenge(scope);
    }
}
