package dev.gbconnect.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Brute-force brakes, the one mechanism behind the portal's and the password grant's sign-in throttle and the
 * client-secret lockout: a key that fails too often is locked for a while, longer each time ({@link FailureCount}).
 * Each kind of key keeps its rows in its own entity, which holds a {@link FailureCount}. Rows are written in
 * transactions of their own ({@link Counter}), so a brake works whatever transaction its caller has or lacks: a
 * failed request is answered with an error, which rolls the caller's transaction back, and some callers (the
 * portal's sign-in, introspection) have none at all.
 */
@ApplicationScoped
public class Brakes {

    private static final Logger LOG = Logger.getLogger(Brakes.class.getName());

    /** An entity that counts one key's failures. */
    public interface Braked {
        FailureCount failures();
    }

    @Inject
    Counter counter;

    /**
     * Counts a failure, committed whatever becomes of the caller's transaction; answers until when the key is
     * locked, if it now is. {@code created} makes the key's row on its first failure.
     */
    public <T extends Braked> Instant failed(
            Class<T> type, String key, BiFunction<String, Instant, T> created, FailureCount.Policy policy) {
        try {
            return counter.failed(type, key, created, policy);
        } catch (RuntimeException e) {
            // Two instances created this key's row at the same moment: one failure goes uncounted, nothing worse.
            LOG.fine("failure not counted for " + key + ": " + e);
            return null;
        }
    }

    /** A success forgets earlier failures (not a lock in force: the caller refuses while locked). */
    public void succeeded(Class<? extends Braked> type, String key) {
        try {
            counter.forget(type, key);
        } catch (RuntimeException e) {
            // The secret was right: failing to forget old failures must not fail this request.
            LOG.fine("failures not forgotten for " + key + ": " + e);
        }
    }

    /** Writes the brakes' rows in transactions of their own. */
    @ApplicationScoped
    public static class Counter {

        @PersistenceContext
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public <T extends Braked> Instant failed(
                Class<T> type, String key, BiFunction<String, Instant, T> created, FailureCount.Policy policy) {
            Instant now = Instant.now();
            // Locked row: two instances counting the same key must not lose a failure.
            T row = em.find(type, key, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                row = created.apply(key, now);
                em.persist(row);
            }
            return row.failures().failed(now, policy);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void forget(Class<? extends Braked> type, String key) {
            // Locked row, as in failed(): a failure counted at this moment on another instance waits for us.
            Braked row = em.find(type, key, LockModeType.PESSIMISTIC_WRITE);
            if (row != null && !row.failures().lockedAt(Instant.now())) em.remove(row);
        }
    }
}
