package dev.gbconnect.custodian.admin;

import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin credential. Configured (custodian.admin.client-id / client-secret) it is written to the database on
 * every start, so rotating it is a restart; unconfigured, one is generated on the first start and printed once.
 */
@ApplicationScoped
public class AdminClients {

    private static final Logger LOG = Logger.getLogger(AdminClients.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "custodian.admin.client-id")
    Optional<String> configuredId;

    @Inject
    @ConfigProperty(name = "custodian.admin.client-secret")
    Optional<String> configuredSecret;

    @Transactional
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (configuredId.isPresent() != configuredSecret.isPresent()) {
            throw new IllegalStateException("set both custodian.admin.client-id and custodian.admin.client-secret, or neither");
        }
        if (configuredId.isPresent()) {
            AdminClient existing = em.find(AdminClient.class, configuredId.get());
            if (existing == null) {
                em.persist(new AdminClient(configuredId.get(), PasswordHash.hash(configuredSecret.get()), Instant.now()));
            } else if (!PasswordHash.verify(configuredSecret.get(), existing.secretHash())) {
                existing.secretHash(PasswordHash.hash(configuredSecret.get()));
            }
            return;
        }
        List<AdminClient> clients = em.createQuery("SELECT a FROM AdminClient a", AdminClient.class).setMaxResults(1).getResultList();
        if (clients.isEmpty()) {
            String id = "admin-" + PasswordHash.newSecret().substring(0, 12);
            String secret = PasswordHash.newSecret();
            em.persist(new AdminClient(id, PasswordHash.hash(secret), Instant.now()));
            // Printed once, on purpose: only the hash is stored, so this is the one chance to copy it.
            System.out.println("""

                    ==== Generated admin client (shown once; only its hash is stored) ====
                      client id:     %s
                      client secret: %s
                    Set CUSTODIAN_ADMIN_CLIENT_ID / CUSTODIAN_ADMIN_CLIENT_SECRET to choose your own.
                    ======================================================================
                    """.formatted(id, secret));
            LOG.info("generated admin client " + id);
        }
    }

    public boolean verify(String clientId, String secret) {
        AdminClient client = em.find(AdminClient.class, clientId);
        return client != null && PasswordHash.verify(secret, client.secretHash());
    }
}
