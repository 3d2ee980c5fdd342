package dev.gbconnect.custodian.oauth.control;

/** One OAuth grant type; the token endpoint picks the grant whose {@link #type()} the request names. */
public interface Grant {

    String type();

    Tokens.Issued grant(TokenRequest request);
}
