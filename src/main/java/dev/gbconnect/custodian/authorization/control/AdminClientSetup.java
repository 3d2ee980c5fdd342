package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.ClientSecret;
import dev.gbconnect.custodian.authorization.entity.Registration;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.platform.StartupLock;
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
 * The data custodian's own admin client. Configured (custodian.admin.client-id / client-secret) it is written to
 * the database on every start, so rotating the secret is a restart; unconfigured, one is generated on the first
 * start and printed once. A configured secret was chosen by a person, so it gets the slow hash.
 */
@ApplicationScoped
public class AdminClientSetup {

    private static final Logger LOG = Logger.getLogger(AdminClientSetup.class.getName());
    private static final Registration ADMIN = Registration.named("Data custodian administration")
            .grantTypes(List.of("client_credentials"))
            .scopes(List.of(Scopes.DATA_CUSTODIAN_ADMIN, Scopes.UPLOAD_ADMIN))
            .tokenEndpointAuthMethod(Client.SECRET_BASIC)
            .build();

    @PersistenceContext
    EntityManager em;

    @Inject
    StartupLock startupLock;

    @Inject
    Clients clients;

    @Inject
    @ConfigProperty(name = "custodian.admin.client-id")
    Optional<String> configuredId;

    @Inject
    @ConfigProperty(name = "custodian.admin.client-secret")
    Optional<String> configuredSecret;

    @Transactional
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (configuredId.isPresent() != configuredSecret.isPresent()) {
            throw new IllegalStateException(
                    "set both custodian.admin.client-id and custodian.admin.client-secret, or neither");
        }
        startupLock.hold();
        if (configuredId.isPresent()) {
            keepConfigured(configuredId.get(), configuredSecret.get());
        } else if (em.createNamedQuery(Client.BY_KIND, Client.class)
                .setParameter("kind", Client.Kind.ADMIN)
                .setMaxResults(1)
                .getResultList()
                .isEmpty()) {
            generate();
        }
    }

    /** The configured client exists and its secret is the only active one. */
    private void keepConfigured(String id, String secret) {
        Client admin = em.find(Client.class, id);
        if (admin == null) {
            admin = new Client(id, Client.Kind.ADMIN, ADMIN, Instant.now());
            em.persist(admin);
        }
        List<ClientSecret> secrets = clients.activeSecrets(admin.id());
        if (secrets.stream().noneMatch(s -> PasswordHash.verify(secret, s.hash()))) {
            secrets.forEach(s -> s.revoke(Instant.now()));
            em.flush();
            clients.addSecret(admin, secret, false);
        }
    }

    private void generate() {
        Client admin = new Client(
                "admin-" + PasswordHash.newSecret().substring(0, 12), Client.Kind.ADMIN, ADMIN, Instant.now());
        em.persist(admin);
        String secret = clients.addSecret(admin, PasswordHash.newSecret(), true).secret();
        // Printed once, on purpose: only the hash is stored, so this is the one chance to copy it.
        System.out.println("""

                ==== Generated admin client (shown once; only its hash is stored) ====
                  client id:     %s
                  client secret: %s
                Set CUSTODIAN_ADMIN_CLIENT_ID / CUSTODIAN_ADMIN_CLIENT_SECRET to choose your own.
                ======================================================================
                """.formatted(admin.id(), secret));
        LOG.info("generated admin client " + admin.id());
    }
}
