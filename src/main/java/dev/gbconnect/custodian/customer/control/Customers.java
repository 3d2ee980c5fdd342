package dev.gbconnect.custodian.customer.control;

import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.authorization.control.CustomerSharing;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.ErrorMappers;
import dev.gbconnect.custodian.platform.FailureCount;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creating, finding and disabling retail customers; joins the caller's transaction. */
@ApplicationScoped
public class Customers {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,127}");

    @PersistenceContext
    EntityManager em;

    @Inject
    SignInThrottle throttle;

    @Inject
    SignIns signIns;

    @Inject
    Event<CustomerSharing> sharing;

    private FailureCount.Policy policy;

    @Inject
    void policy(
            @ConfigProperty(name = "custodian.sign-in.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "custodian.sign-in.lockout", defaultValue = "PT15M") Duration lockout) {
        // Failures count within one lockout period; each further lock doubles, up to a day.
        policy = new FailureCount.Policy(maxFailures, lockout, lockout, Duration.ofDays(1));
    }

    public RetailCustomer create(String username, String password, String name) {
        checkUsername(username);
        checkPassword(password);
        checkName(name);
        if (!em.createNamedQuery(RetailCustomer.BY_USERNAME, RetailCustomer.class)
                .setParameter("username", username)
                .getResultList()
                .isEmpty()) {
            throw taken(username);
        }
        RetailCustomer customer =
                new RetailCustomer(idOf(username), username, PasswordHash.hash(password), name, Instant.now());
        em.persist(customer);
        // The check above misses a creation of the same username that has not committed yet; the unique key catches
        // it here, once that one has committed, rather than at this transaction's commit as a 500.
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) throw taken(username);
            throw e;
        }
        return customer;
    }

    /** The one rule for usernames, wherever a customer is created. */
    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid(
                    "username must be 3 to 128 characters: letters, digits and . _ @ + - (starting with a letter or digit)");
        }
    }

    public static void checkName(String name) {
        if (name != null && name.length() > 256) throw invalid("name must be at most 256 characters");
    }

    /**
     * A customer's id, a v5 UUID of the username: the same whichever path creates them, so bulk paths know it
     * without a lookup.
     */
    public static String idOf(String username) {
        return EntryIds.of("RetailCustomer", username);
    }

    /** The portal's one strength rule for a customer's password, at creation and at a reset. */
    public static void checkPassword(String password) {
        if (password == null || password.length() < 8 || password.length() > 256) {
            throw invalid("password must be 8 to 256 characters");
        }
    }

    private static ApiException taken(String username) {
        return ApiError.DUPLICATE_USERNAME.because("username " + username + " is taken");
    }

    /** SQL:2003's SQLSTATE for a unique constraint violation, which Derby and PostgreSQL both use. */
    private static boolean uniqueViolation(Throwable e) {
        SQLException sql = ErrorMappers.causeOf(e, SQLException.class);
        return sql != null && "23505".equals(sql.getSQLState());
    }

    /**
     * Disables a customer, or enables them again: a disabled customer cannot sign in, and every token for their
     * data stops until they are enabled (see {@link CustomerSharing}).
     */
    public RetailCustomer enable(String id, boolean enabled) {
        RetailCustomer c = find(id);
        if (c.enabled() != enabled) {
            c.enabled(enabled);
            sharing.fire(new CustomerSharing(id, enabled));
        }
        return c;
    }

    /**
     * The enabled customer with this username and password. An unknown username, a wrong password and a locked
     * account answer alike and cost the same hash, so neither the answer nor its timing tells them apart. Too
     * many failures for one username lock it (custodian.sign-in.*), on every instance.
     */
    public Optional<RetailCustomer> authenticate(String username, String password) {
        return authenticate(username, password, null);
    }

    /** The same, and the sign-in of an existing username recorded for its customer ({@code where} null: not). */
    public Optional<RetailCustomer> authenticate(String username, String password, SignIns.Attempt where) {
        String key = throttleKey(username);
        boolean locked = throttle.lockedUntil(key).isPresent();
        List<RetailCustomer> found = username == null
                ? List.of()
                : em.createNamedQuery(RetailCustomer.BY_USERNAME, RetailCustomer.class)
                        .setParameter("username", username)
                        .getResultList();
        // A customer without a password yet (created in bulk) costs the same hash as an unknown one, and fails alike.
        String hash = found.isEmpty() || found.get(0).passwordHash() == null
                ? DummyHash.VALUE
                : found.get(0).passwordHash();
        boolean matches = PasswordHash.verify(password == null ? "" : password, hash);
        boolean refused = locked || !matches || found.isEmpty() || !found.get(0).enabled();
        if (where != null && !found.isEmpty()) signIns.record(found.get(0).id(), !refused, where);
        if (refused) {
            if (key.length() <= 200) throttle.failed(key, policy);
            return Optional.empty();
        }
        throttle.succeeded(key);
        return Optional.of(found.get(0));
    }

    /**
     * Sets a signed-in customer's new password if {@code current} is their password; false if it is not. A wrong
     * current password counts toward the sign-in brake like a wrong sign-in (and a locked account refuses the right
     * one), so a session left open cannot be used to guess the password. The new one meets {@link #checkPassword}.
     */
    public boolean changePassword(String id, String current, String next, SignIns.Attempt where) {
        RetailCustomer c = find(id);
        String key = throttleKey(c.username());
        boolean locked = throttle.lockedUntil(key).isPresent();
        if (!PasswordHash.verify(current == null ? "" : current, c.passwordHash()) || locked) {
            throttle.failed(key, policy);
            signIns.record(c.id(), false, where);
            return false;
        }
        checkPassword(next);
        throttle.succeeded(key);
        c.passwordHash(PasswordHash.hash(next));
        return true;
    }

    private static String throttleKey(String username) {
        return "customer:" + (username == null ? "" : username);
    }

    /** Computed on first use: a hash no password matches, for unknown usernames. */
    private static final class DummyHash {
        static final String VALUE = PasswordHash.hash(PasswordHash.newSecret());
    }

    public List<RetailCustomer> all() {
        return em.createNamedQuery(RetailCustomer.ALL, RetailCustomer.class).getResultList();
    }

    public RetailCustomer find(String id) {
        RetailCustomer c = id == null ? null : em.find(RetailCustomer.class, id);
        if (c == null) throw ApiException.notFound("retail customer " + id);
        return c;
    }

    /** As {@link #find(String)}, the row locked as {@code lock} says until the transaction ends, in one statement. */
    public RetailCustomer find(String id, LockModeType lock) {
        RetailCustomer c = id == null ? null : em.find(RetailCustomer.class, id, lock);
        if (c == null) throw ApiException.notFound("retail customer " + id);
        return c;
    }

    public boolean exists(String id) {
        return id != null && em.find(RetailCustomer.class, id) != null;
    }

    public boolean exists() {
        return !em.createNamedQuery(RetailCustomer.ALL, RetailCustomer.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static ApiException invalid(String message) {
        return ApiError.INVALID_REQUEST.because(message);
    }
}
