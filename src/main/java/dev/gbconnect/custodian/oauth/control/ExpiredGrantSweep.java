package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes what can no longer be used: expired access tokens, refresh tokens, codes, consent requests, portal and
 * console sessions, password-reset links and sign-in records past their retention, and
 * sign-in failures whose lock and window are long over. Refused already when expired, these rows only cost space.
 * Also ends the Authorizations whose sharing period is over, so that their end is announced. Every instance sweeps
 * (the deletes are idempotent, each end happens once), so nothing depends on one of them running.
 */
@Singleton
// The timer must not reach tables that the migration has yet to create.
@DependsOn("SchemaMigration")
public class ExpiredGrantSweep {

    private static final Logger LOG = Logger.getLogger(ExpiredGrantSweep.class.getName());
    /** Kept a day past expiry, so that introspection and support can still explain a refusal. */
    private static final Duration GRACE = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizations authorizations;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void sweep() {
        Instant cutoff = Instant.now().minus(GRACE);
        int removed = 0;
        for (String entity : new String[] {
            "AccessToken",
            "RefreshToken",
            "AuthorizationCode",
            "ConsentRequest",
            "PortalSession",
            "StaffSession",
            "PasswordReset",
            "SignInRecord"
        }) {
            removed += em.createQuery("DELETE FROM " + entity + " e WHERE e.expiresAt < :cutoff")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
        }
        removed += em.createQuery(
                        "DELETE FROM SignInFailures f WHERE f.failures.windowStart < :cutoff AND (f.failures.lockedUntil IS NULL OR f.failures.lockedUntil < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        int ended = authorizations.endLapsed(Instant.now());
        if (ended > 0) LOG.info("ended " + ended + " Authorizations whose sharing period is over");
        if (removed > 0)
            LOG.info("swept " + removed
                    + " expired tokens, codes, consent requests, sessions, reset links and sign-in records");
    }
}
