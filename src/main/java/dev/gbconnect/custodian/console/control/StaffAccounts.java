package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.console.entity.StaffAccount;
import dev.gbconnect.custodian.customer.control.SignInThrottle;
import dev.gbconnect.custodian.platform.FailureCount;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local staff accounts: creating them and checking their passwords, with the same brake on guessing as customers'
 * sign-in ({@link SignInThrottle}, counted in the database, so on every instance). Joins the caller's transaction.
 */
@ApplicationScoped
public class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,127}");
    private static final String TITLE = "Staff";

    @PersistenceContext
    EntityManager em;

    @Inject
    SignInThrottle throttle;

    private FailureCount.Policy policy;

    @Inject
    void policy(
            @ConfigProperty(name = "custodian.console.sign-in.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "custodian.console.sign-in.lockout", defaultValue = "PT15M") Duration lockout) {
        policy = new FailureCount.Policy(maxFailures, lockout, lockout, Duration.ofDays(1));
    }

    public StaffAccount create(String username, String name, Role role, String password) {
        if (username == null || !USERNAME.matcher(username).matches())
            throw PageError.INVALID.on(
                    TITLE,
                    "The username must be 3 to 128 letters, digits or . _ @ + - (starting with a letter or digit).");
        if (name == null || name.isBlank() || name.length() > 256)
            throw PageError.INVALID.on(TITLE, "Give the person's name (at most 256 characters).");
        checkPassword(password);
        if (em.find(StaffAccount.class, username) != null)
            throw PageError.CONFLICT.on(TITLE, "The username " + username + " is taken.");
        StaffAccount account =
                new StaffAccount(username, name.strip(), PasswordHash.hash(password), role, Instant.now());
        em.persist(account);
        return account;
    }

    /** Staff passwords guard every customer's data: longer than a customer's. */
    static void checkPassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 256)
            throw PageError.INVALID.on(TITLE, "The password must be 12 to 256 characters.");
    }

    public List<StaffAccount> all() {
        return em.createNamedQuery(StaffAccount.ALL, StaffAccount.class).getResultList();
    }

    /**
     * The identity of the account with this username and password. An unknown username, a wrong password and a
     * locked account answer alike and cost the same hash.
     */
    public Optional<StaffIdentity> authenticate(String username, String password) {
        String key = "staff:" + (username == null ? "" : username);
        boolean locked = throttle.lockedUntil(key).isPresent();
        StaffAccount account =
                username == null || username.length() > 128 ? null : em.find(StaffAccount.class, username);
        String hash = account == null ? DummyHash.VALUE : account.passwordHash();
        boolean matches = PasswordHash.verify(password == null ? "" : password, hash);
        if (locked || !matches || account == null) {
            if (key.length() <= 200) throttle.failed(key, policy);
            return Optional.empty();
        }
        throttle.succeeded(key);
        return Optional.of(identity(account));
    }

    static StaffIdentity identity(StaffAccount a) {
        return new StaffIdentity("local:" + a.username(), a.name(), Set.of(a.role()));
    }

    /** Computed on first use: a hash no password matches, for unknown usernames. */
    private static final class DummyHash {
        static final String VALUE = PasswordHash.hash(PasswordHash.newSecret());
    }
}
