package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.ClientAuthFailures;
import dev.gbconnect.custodian.platform.OAuthError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brakes on guessing client secrets, the admin client's (chosen by a person, hashed with PBKDF2) included. Wrong
 * secrets are counted per client in the database, so every instance counts them, and in a transaction of their
 * own ({@link Counter}): the failed request rolls its own back, and introspection has none. After
 * {@code custodian.oauth.client-auth.max-failures} within {@code hold-back} the client is held back for that long,
 * twice as long after each further round, up to {@code longest-hold-back}; meanwhile every request for it gets 429
 * with Retry-After, right secret or wrong, and no hash is computed. Each instance also remembers the hold-backs it
 * has seen, so a held-back client's requests cost neither a query nor a hash. The first success forgets it all.
 */
@ApplicationScoped
public class ClientLockout {

    private static final Logger LOG = Logger.getLogger(ClientLockout.class.getName());

    /** Clients held back, and until when; at most one entry per client, dropped when seen expired. */
    private final ConcurrentMap<String, Instant> held = new ConcurrentHashMap<>();

    private ClientAuthFailures.Policy policy;

    @Inject
    Counter counter;

    @Inject
    void policy(
            @ConfigProperty(name = "custodian.oauth.client-auth.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "custodian.oauth.client-auth.hold-back", defaultValue = "PT1M") Duration holdBack,
            @ConfigProperty(name = "custodian.oauth.client-auth.longest-hold-back", defaultValue = "PT15M")
                    Duration longest) {
        policy = new ClientAuthFailures.Policy(Math.max(1, maxFailures), holdBack, longest);
    }

    /** 429 for a client this instance has seen held back; costs no query. */
    void refuseIfKnownHeld(String clientId) {
        refuseIfHeld(clientId, held.get(clientId));
    }

    /** 429 while {@code until} (the client's row, read with it) lies ahead; remembered for the next request. */
    void refuseIfHeld(String clientId, Instant until) {
        if (until == null) return;
        Instant now = Instant.now();
        if (!now.isBefore(until)) {
            held.remove(clientId, until);
            return;
        }
        held.put(clientId, until);
        long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        throw OAuthError.SLOW_DOWN
                .because("too many failed authentications of client " + clientId + "; it is held back for " + seconds
                        + " s")
                .retryAfter(seconds);
    }

    void failed(String clientId) {
        try {
            Instant until = counter.failed(clientId, policy);
            if (until != null) held.put(clientId, until);
        } catch (RuntimeException e) {
            // Two instances created this client's row at the same moment: one failure goes uncounted, nothing worse.
            LOG.fine("client authentication failure not counted for " + clientId + ": " + e);
        }
    }

    void succeeded(String clientId) {
        counter.forget(clientId);
    }

    /** Writes in transactions of its own, whatever the caller's. */
    @ApplicationScoped
    public static class Counter {

        @PersistenceContext
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public Instant failed(String clientId, ClientAuthFailures.Policy policy) {
            Instant now = Instant.now();
            // Locked row: instances counting the same client at once must not lose a failure.
            ClientAuthFailures f = em.find(ClientAuthFailures.class, clientId, LockModeType.PESSIMISTIC_WRITE);
            if (f == null) {
                f = new ClientAuthFailures(clientId, now);
                em.persist(f);
            }
            return f.failed(now, policy);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void forget(String clientId) {
            em.createQuery("DELETE FROM ClientAuthFailures f WHERE f.clientId = :id")
                    .setParameter("id", clientId)
                    .executeUpdate();
        }
    }
}
