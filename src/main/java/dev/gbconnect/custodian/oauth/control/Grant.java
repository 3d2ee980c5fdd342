package dev.gbconnect.custodian.oauth.control;

import java.util.List;

/**
 * One OAuth grant type. {@link GrantDispatcher} picks the grant whose {@link #type()} the request names, and only after
 * it has checked that the client registered that grant type and sent every parameter the grant declares: a grant
 * starts from a request that is complete for it.
 */
public interface Grant {

    String type();

    /** The parameters this grant cannot do without, besides grant_type and the client's authentication. */
    List<String> requiredParameters();

    /** Runs in the token endpoint's transaction. */
    Tokens.Issued grant(TokenRequest request);
}
