package dev.gbconnect.custodian.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A refresh token. RFC 9700 §4.14.2 rotation: each use retires it (ROTATED) and issues
 * the next one of the same family, the family being its Authorization. A ROTATED token presented again means a
 * copy is loose, so the whole Authorization ends.
 */
@Entity
@Table(name = "REFRESH_TOKEN", indexes = @Index(name = "REFRESH_TOKEN_EXPIRES", columnList = "EXPIRES_AT"))
@NamedQuery(
        name = RefreshToken.ROTATE,
        query = "UPDATE RefreshToken r SET r.state = :rotated WHERE r.hash = :hash AND r.state = :active")
@NamedQuery(
        name = RefreshToken.WITH_AUTHORIZATION,
        query = "SELECT r, a, c.id FROM RefreshToken r LEFT JOIN Authorization a ON a.id = r.authorizationId"
                + " LEFT JOIN RetailCustomer c ON c.id = a.customerId AND c.enabled = FALSE WHERE r.hash = :hash")
public class RefreshToken extends IssuedToken {

    public static final String ROTATE = "RefreshToken.rotate";
    /**
     * The token, its Authorization (null if there is none) and the id of its customer if that customer is disabled
     * (else null), which the refresh grant reads together.
     */
    public static final String WITH_AUTHORIZATION = "RefreshToken.withAuthorization";

    public enum State {
        ACTIVE,
        ROTATED,
        REVOKED
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private State state;

    protected RefreshToken() {}

    public RefreshToken(
            String hash, String authorizationId, String clientId, String scope, Instant issuedAt, Instant expiresAt) {
        super(hash, authorizationId, clientId, scope, issuedAt, expiresAt);
        this.state = State.ACTIVE;
    }

    public void revoke() {
        state = State.REVOKED;
    }

    public State state() {
        return state;
    }
}
