package dev.gbconnect.custodian.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An issued access token. Only the SHA-256 of the token is kept: the token has 256 random bits, so a fast hash
 * is enough, and a copy of the table gives nobody a usable token.
 */
@Entity
@Table(name = "ACCESS_TOKEN")
public class AccessToken {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String hash;

    @Column(name = "CLIENT_ID", nullable = false, length = 128)
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

    public AccessToken(String hash, String clientId, String scope, Instant issuedAt, Instant expiresAt) {
        this.hash = hash;
        this.clientId = clientId;
        this.scope = scope;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public boolean activeAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    public void revoke() {
        revoked = true;
    }

    public List<String> scopes() {
        return Arrays.asList(scope.split(" "));
    }

    public String clientId() { return clientId; }
    public String scope() { return scope; }
    public Instant issuedAt() { return issuedAt; }
    public Instant expiresAt() { return expiresAt; }
}
