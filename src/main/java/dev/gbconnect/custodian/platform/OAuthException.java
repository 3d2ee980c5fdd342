package dev.gbconnect.custodian.platform;

/** A refusal by an OAuth endpoint: one of the {@link OAuthError}s and its description. */
public final class OAuthException extends Refusal {

    private final OAuthError error;
    private Long retryAfter;

    OAuthException(OAuthError error, String description) {
        super(description);
        this.error = error;
    }

    /** RFC 9110 §10.2.3: when to try again, for 429. */
    public OAuthException retryAfter(long seconds) {
        this.retryAfter = seconds;
        return this;
    }

    public OAuthError error() {
        return error;
    }

    public Long retryAfter() {
        return retryAfter;
    }
}
