package dev.gbconnect.custodian.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A sign-in sent to the identity provider and not yet answered: the {@code nonce} the ID token must carry and the
 * PKCE {@code code_verifier} (RFC 7636) the token request must send. In the database, so the answer may come back to
 * any instance; keyed by a hash of the {@code state}, which the browser holds. The answer deletes the row: each
 * request is answered once.
 */
@Entity
@Table(name = "OIDC_REQUEST", indexes = @Index(name = "OIDC_REQUEST_EXPIRES", columnList = "EXPIRES_AT"))
@NamedQuery(name = OidcRequest.EXPIRED, query = "DELETE FROM OidcRequest r WHERE r.expiresAt < :now")
@NamedQuery(name = OidcRequest.TAKE, query = "DELETE FROM OidcRequest r WHERE r.stateHash = :hash")
public class OidcRequest {

    public static final String EXPIRED = "OidcRequest.expired", TAKE = "OidcRequest.take";

    @Id
    @Column(name = "STATE_HASH", length = 64)
    private String stateHash;

    @Column(nullable = false, length = 64)
    private String nonce;

    @Column(name = "CODE_VERIFIER", nullable = false, length = 128)
    private String codeVerifier;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected OidcRequest() {}

    public OidcRequest(String stateHash, String nonce, String codeVerifier, Instant expiresAt) {
        this.stateHash = stateHash;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.expiresAt = expiresAt;
    }

    public String nonce() {
        return nonce;
    }

    public String codeVerifier() {
        return codeVerifier;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
