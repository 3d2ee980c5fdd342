package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.oauth.entity.AccessToken;
import dev.gbconnect.custodian.oauth.entity.RefreshToken;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and checks opaque tokens; the database holds their hashes, never the tokens, so every instance of a
 * cluster agrees on them. Joins the caller's transaction.
 */
@ApplicationScoped
public class Tokens {

    /**
     * A token is valid while it, its Authorization, its client and the customer whose data it reads all are: one
     * query, so that revoking an Authorization, suspending a client or disabling a customer stops every token at
     * once without touching them (and enabling the customer again restores exactly what had not ended). A
     * disabled customer is found by an outer join on its key (an anti-join): with a NOT EXISTS probe instead, the
     * bearer-checked GET cost several times the server CPU on Derby (and the SQL alone 1.5 times the old check's;
     * this one about 1.1 times). Every join is written as an outer one (the WHERE makes the first two inner) because
     * EclipseLink moves inner ON conditions to the WHERE, where the outer join's ON can no longer see them.
     */
    private static final String CHECK = "SELECT t, a, c.kind FROM AccessToken t"
            + " LEFT JOIN Authorization a ON a.id = t.authorizationId LEFT JOIN Client c ON c.id = t.clientId"
            + " LEFT JOIN RetailCustomer r ON r.id = a.customerId AND r.enabled = FALSE"
            + " WHERE t.hash = :hash AND t.revoked = FALSE AND t.expiresAt > :now"
            + " AND a.status = " + Authorization.ACTIVE
            + " AND (a.authorizedEnd IS NULL OR a.authorizedEnd > :now) AND c.status = :active AND r.id IS NULL";

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizations authorizations;

    @Inject
    @ConfigProperty(name = "custodian.oauth.access-token-lifetime", defaultValue = "PT1H")
    Duration accessLifetime;

    @Inject
    @ConfigProperty(name = "custodian.oauth.refresh-token-lifetime", defaultValue = "P90D")
    Duration refreshLifetime;

    /** What the token endpoint answers; {@code refreshToken} is null for back-office grants. */
    public record Issued(
            String accessToken, long expiresIn, String scope, String refreshToken, Authorization authorization) {}

    /** An access token alone, for client_credentials. */
    public Issued access(Authorization a, String scope) {
        String token = PasswordHash.newSecret();
        Instant now = Instant.now();
        Instant expires = now.plus(accessLifetime);
        em.persist(new AccessToken(hash(token), a.id(), a.clientId(), scope, now, expires));
        // A back-office Authorization is shared by all of a client's tokens: its expires_at moves on only every half
        // lifetime, so that a busy client does not queue on one row. A customer's follows every token (ESPI).
        if (a.customerId() != null
                || a.expiresAt() == null
                || a.expiresAt().isBefore(expires.minus(accessLifetime.dividedBy(2)))) {
            a.tokenIssued(expires, now);
        }
        return new Issued(token, accessLifetime.toSeconds(), scope, null, a);
    }

    /**
     * An access token and the next refresh token of the Authorization's family. The refresh token keeps the
     * granted scope (RFC 6749 §6: a narrower access scope does not narrow it) and dies with the Authorization.
     */
    public Issued accessAndRefresh(Authorization a, String accessScope) {
        Issued access = access(a, accessScope);
        Instant now = Instant.now();
        Instant refreshEnd = now.plus(refreshLifetime);
        if (a.authorizedEnd() != null && a.authorizedEnd().isBefore(refreshEnd)) refreshEnd = a.authorizedEnd();
        String refresh = PasswordHash.newSecret();
        em.persist(new RefreshToken(hash(refresh), a.id(), a.clientId(), a.scope(), now, refreshEnd));
        return new Issued(access.accessToken(), access.expiresIn(), accessScope, refresh, a);
    }

    public Optional<Caller> active(String token) {
        Instant now = Instant.now();
        List<Object[]> rows = em.createQuery(CHECK, Object[].class)
                .setParameter("hash", hash(token))
                .setParameter("now", now)
                .setParameter("active", Client.Status.ACTIVE)
                .getResultList();
        if (rows.isEmpty()) return Optional.empty();
        Object[] row = rows.get(0);
        AccessToken t = (AccessToken) row[0];
        Authorization a = (Authorization) row[1];
        return Optional.of(new Caller(t.clientId(), (Client.Kind) row[2], t.scope(), a, t.issuedAt(), t.expiresAt()));
    }

    /** A presented refresh token and its Authorization, null when that is gone. */
    public record Presented(RefreshToken token, Authorization authorization) {}

    /**
     * One query for both: every refresh grant needs the two. The Authorization of a disabled customer is presented
     * as gone, so that the grant answers as for an ended one.
     */
    public Optional<Presented> refreshToken(String token) {
        return em
                .createNamedQuery(RefreshToken.WITH_AUTHORIZATION, Object[].class)
                .setParameter("hash", hash(token))
                .getResultList()
                .stream()
                .findFirst()
                .map(row -> new Presented((RefreshToken) row[0], row[2] != null ? null : (Authorization) row[1]));
    }

    /** Retires a refresh token; false when another request retired it first (then it was presented twice). */
    public boolean rotate(RefreshToken r) {
        return em.createNamedQuery(RefreshToken.ROTATE)
                        .setParameter("hash", r.hash())
                        .setParameter("active", RefreshToken.State.ACTIVE)
                        .setParameter("rotated", RefreshToken.State.ROTATED)
                        .executeUpdate()
                == 1;
    }

    /**
     * RFC 7009: a client revokes its own tokens; anything else, unknown tokens included, changes nothing.
     * Revoking a refresh token ends its Authorization, and with it every token issued under it (§2.1).
     */
    public void revoke(String token, String clientId) {
        String hash = hash(token);
        AccessToken access = em.find(AccessToken.class, hash);
        if (access != null && access.clientId().equals(clientId)) access.revoke();
        RefreshToken refresh = access != null ? null : em.find(RefreshToken.class, hash);
        if (refresh != null && refresh.clientId().equals(clientId)) {
            refresh.revoke();
            authorizations
                    .find(refresh.authorizationId())
                    .ifPresent(a -> authorizations.end(a, "the third party revoked its refresh token"));
        }
    }

    public static String hash(String token) {
        return HexFormat.of().formatHex(PasswordHash.sha256(token));
    }
}
