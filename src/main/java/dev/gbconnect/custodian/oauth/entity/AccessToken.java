package dev.gbconnect.custodian.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issued access token. Whether it still works also depends on its Authorization and client, which the token
 * check reads in the same query.
 */
@Entity
@Table(name = "ACCESS_TOKEN", indexes = @Index(name = "ACCESS_TOKEN_EXPIRES", columnList = "EXPIRES_AT"))
public class AccessToken extends IssuedToken {

    @Column(name = "REVOKED", nullable = false)
    private boolean revoked;

    protected AccessToken() {}

    public AccessToken(
            String hash, String authorizationId, String clientId, String scope, Instant issuedAt, Instant expiresAt) {
        super(hash, authorizationId, clientId, scope, issuedAt, expiresAt);
    }

    public void revoke() {
        revoked = true;
    }
}
