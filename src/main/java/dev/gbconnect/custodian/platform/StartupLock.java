package dev.gbconnect.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serializes what instances do once at start (the admin client, demo data) when several start together on one
 * PostgreSQL: each checks whether the rows exist and creates them if not, which would otherwise race. Held until
 * the caller's transaction ends. Embedded Derby belongs to one JVM and needs no lock.
 */
@ApplicationScoped
public class StartupLock {

    /** Any number agreed by every instance; PostgreSQL's advisory locks are named by one. */
    private static final long KEY = 7_105_112_716_935_001L;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "custodian.db.url")
    Optional<String> url;

    public void hold() {
        if (url.filter(u -> u.startsWith("jdbc:postgresql:")).isPresent()) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + KEY + ")").getResultList();
        }
    }
}
