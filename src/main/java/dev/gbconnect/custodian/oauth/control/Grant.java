package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.OAuthError;
import dev.gbconnect.custodian.platform.OAuthException;

/** One OAuth grant type; the token endpoint picks the grant whose {@link #type()} the request names. */
public interface Grant {

    String type();

    /** Runs in the token endpoint's transaction. */
    Tokens.Issued grant(TokenRequest request);

    /** RFC 6749 §5.2 {@code unauthorized_client}: the client did not register this grant type. */
    static OAuthException unauthorized(Client client, String grantType) {
        return OAuthError.UNAUTHORIZED_CLIENT.because("client " + client.id() + " is not registered for " + grantType);
    }
}
