package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.console.entity.OidcRequest;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-ins waiting for the identity provider's answer, in the database so the answer may come to any instance. Each
 * is taken once; those never answered go after ten minutes, swept as new ones are made.
 */
@ApplicationScoped
public class OidcRequests {

    /** Long enough to type a password and a second factor at the provider. */
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Transactional
    public void save(String state, String nonce, String codeVerifier) {
        Instant now = Instant.now();
        em.createNamedQuery(OidcRequest.EXPIRED).setParameter("now", now).executeUpdate();
        em.persist(new OidcRequest(PasswordHash.hashGenerated(state), nonce, codeVerifier, now.plus(LIFETIME)));
    }

    /** The request this {@code state} answers, removed so it cannot be answered twice; empty when none or expired. */
    @Transactional
    public Optional<OidcRequest> take(String state) {
        String hash = PasswordHash.hashGenerated(state);
        OidcRequest r = em.find(OidcRequest.class, hash);
        if (r == null) return Optional.empty();
        // Of two answers racing on two instances, the database lets one delete the row: only that one goes on.
        int taken =
                em.createNamedQuery(OidcRequest.TAKE).setParameter("hash", hash).executeUpdate();
        return taken == 1 && !r.expiredAt(Instant.now()) ? Optional.of(r) : Optional.empty();
    }
}
