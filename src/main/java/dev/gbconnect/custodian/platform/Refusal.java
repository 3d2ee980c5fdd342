package dev.gbconnect.custodian.platform;

/**
 * A request refused as its protocol says: the JSON API's {@link ApiException}, a bearer token's
 * {@link BearerException} (RFC 6750), an OAuth endpoint's {@link OAuthException} (RFC 6749 §5.2), a page's
 * {@link PageException}, and an authorization error told by redirect ({@link AuthorizationRedirect}, RFC 6749
 * §4.1.2.1). Each has its own closed set of errors and its own mapper in {@link ErrorMappers}; sealed, so that no
 * other shape of refusal can appear. Unchecked so that a transactional boundary rolls back; without a stack trace, as
 * it is an answer, not a bug.
 */
public abstract sealed class Refusal extends RuntimeException
        permits ApiException, BearerException, OAuthException, PageException, AuthorizationRedirect {

    Refusal(String message) {
        super(message, null, false, false);
    }
}
