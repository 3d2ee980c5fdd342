package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.console.entity.StaffAccount;
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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first operator, from configuration (custodian.console.operator.username / password), written at every start
 * like the admin client: the account is created if missing, and its password set to the configured one if it
 * differs, so a forgotten password is a restart. Unconfigured, no account is made: the console cannot be used until
 * an operator is configured (or, next, an identity provider).
 */
@ApplicationScoped
public class FirstOperator {

    @PersistenceContext
    EntityManager em;

    @Inject
    StartupLock startupLock;

    @Inject
    StaffAccounts accounts;

    @Inject
    @ConfigProperty(name = "custodian.console.operator.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "custodian.console.operator.password")
    Optional<String> password;

    @Transactional
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (username.isPresent() != password.isPresent())
            throw new IllegalStateException(
                    "set both custodian.console.operator.username and custodian.console.operator.password, or neither");
        if (username.isEmpty()) return;
        startupLock.hold();
        StaffAccount operator = em.find(StaffAccount.class, username.get());
        if (password.get().length() < 12)
            throw new IllegalStateException("custodian.console.operator.password must be at least 12 characters");
        if (operator == null) {
            em.persist(new StaffAccount(
                    username.get(), username.get(), PasswordHash.hash(password.get()), Role.OPERATOR, Instant.now()));
        } else if (!PasswordHash.verify(password.get(), operator.passwordHash())) {
            operator.password(PasswordHash.hash(password.get()));
        }
    }
}
