package dev.gbconnect.custodian.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issued access token. Only the SHA-256 of the token is kept: the token has 256 random bits, so a fast hash
 * is enough, and a copy of the table gives nobody a usable token. Whether it still works also depends on its
 * Authorization and client, which the token check reads in the same query.
 */
@Entity
@Table(name = "ACCESS_TOKEN", indexes = @Index(name = "ACCESS_TOKEN_EXPIRES", columnList = "EXPIRES_AT"))
public class AccessToken {

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

    @Column(name = "REVOKED", nullable = false)
    private boolean revoked;

    protected AccessToken() {
    }

    public AccessToken(String hash, String authorizationId, String clientId, String scope, Instant issuedAt, Instant expiresAt) {
        this.hash = hash;
        this.authorizationId = authorizationId;
        this.clientId = clientId;
        this.scope = scope;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public void revoke() {
        revoked = true;
    }

    public String authorizationId() { return authorizationId; }
    public String clientId() { return clientId; }
    public String scope() { return scope; }
    public Instant issuedAt() { return issuedAt; }
    public Instant expiresAt() { return expiresAt; }
}
