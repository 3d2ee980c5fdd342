package dev.gbconnect.custodian.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What access and refresh tokens share: the SHA-256 of the token (never the token), the Authorization and client it
 * was issued under, its scope and lifetime. The token has 256 random bits, so a fast hash is enough, and a copy of
 * the table gives nobody a usable token.
 */
@MappedSuperclass
public abstract class IssuedToken {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String hash;

    @Column(name = "AUTHORIZATION_ID", nullable = false, length = 36)
    private String authorizationId;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    @Column(name = "SCOPE", nullable = false, length = 1024)
    private String scope;

    @Column(name = "ISSUED_AT", nullable = false)
    private Instant issuedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected IssuedToken() {}

    protected IssuedToken(
            String hash, String authorizationId, String clientId, String scope, Instant issuedAt, Instant expiresAt) {
        this.hash = hash;
        this.authorizationId = authorizationId;
        this.clientId = clientId;
        this.scope = scope;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String hash() {
        return hash;
    }

    public String authorizationId() {
        return authorizationId;
    }

    public String clientId() {
        return clientId;
    }

    public String scope() {
        return scope;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
