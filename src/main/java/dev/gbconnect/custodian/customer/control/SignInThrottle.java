package dev.gbconnect.custodian.customer.control;

import dev.gbconnect.custodian.customer.entity.SignInFailures;
import dev.gbconnect.custodian.platform.Brakes;
import dev.gbconnect.custodian.platform.FailureCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The brakes on guessing passwords ({@link Brakes}), keyed by a username or by a client trying passwords: the
 * caller checks the lock before the password and reports the outcome after.
 */
@ApplicationScoped
public class SignInThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Brakes brakes;

    /** When the key's lock ends, if it is locked now. */
    public Optional<Instant> lockedUntil(String key) {
        SignInFailures f = em.find(SignInFailures.class, key);
        return f == null || !f.failures().lockedAt(Instant.now())
                ? Optional.empty()
                : Optional.of(f.failures().lockedUntil());
    }

    /** Counts a failure, committed whatever becomes of the caller's transaction. */
    public void failed(String key, FailureCount.Policy policy) {
        brakes.failed(SignInFailures.class, key, SignInFailures::new, policy);
    }

    /** A success forgets earlier failures (not a lock in force: the caller checks that first). */
    public void succeeded(String key) {
        brakes.succeeded(SignInFailures.class, key);
    }
}
