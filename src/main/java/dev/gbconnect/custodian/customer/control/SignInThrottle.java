package dev.gbconnect.custodian.customer.control;

import dev.gbconnect.custodian.customer.entity.SignInFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brute-force brakes for passwords: a key (a username, a client) that fails too often is locked for a while,
 * longer each time. Its rows are written in transactions of their own ({@link Counter}), so it works whatever
 * transaction its caller has or lacks: a failed request is answered with an error, which rolls the caller's
 * transaction back, and the portal's sign-in has none at all.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    /** How a kind of key is throttled. */
    public record Policy(int maxFailures, Duration window, Duration lock, Duration longest) {}

    @PersistenceContext
    EntityManager em;

    /** When the key's lock ends, if it is locked now. */
    public Optional<Instant> lockedUntil(String key) {
        SignInFailures f = em.find(SignInFailures.class, key);
        return f == null || !f.lockedAt(Instant.now()) ? Optional.empty() : Optional.of(f.lockedUntil());
    }

    @Inject
    Counter counter;

    /** Counts a failure, committed whatever becomes of the caller's transaction. */
    public void failed(String key, Policy policy) {
        try {
            counter.failed(key, policy);
        } catch (RuntimeException e) {
            // Two instances created this key's row at the same moment: one failure goes uncounted, nothing worse.
            LOG.fine("sign-in failure not counted for " + key + ": " + e);
        }
    }

    /** A success forgets earlier failures (not a lock in force: the caller checks that first). */
    public void succeeded(String key) {
        try {
            counter.forget(key);
        } catch (RuntimeException e) {
            // The password was right: failing to forget old failures must not fail this sign-in.
            LOG.fine("sign-in failures not forgotten for " + key + ": " + e);
        }
    }

    /** Writes the throttle's rows in transactions of their own. */
    @ApplicationScoped
    public static class Counter {

        @PersistenceContext
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void failed(String key, Policy policy) {
            Instant now = Instant.now();
            // Locked row: two instances counting the same key must not lose a failure.
            SignInFailures f = em.find(SignInFailures.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (f == null) {
                f = new SignInFailures(key, now);
                em.persist(f);
            }
            f.failed(now, policy.maxFailures(), policy.window(), policy.lock(), policy.longest());
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void forget(String key) {
            // Locked row, as in failed(): a failure counted at this moment on another instance waits for us.
            SignInFailures f = em.find(SignInFailures.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (f != null && !f.lockedAt(Instant.now())) em.remove(f);
        }
    }
}
