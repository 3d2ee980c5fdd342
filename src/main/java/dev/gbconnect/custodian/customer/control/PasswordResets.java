package dev.gbconnect.custodian.customer.control;

import dev.gbconnect.custodian.customer.entity.PasswordReset;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time password-reset links (issue 19): staff make one for a customer, the customer follows it and chooses a new
 * password. The link carries 256 random bits and the row only their hash; the link works once (its row is deleted by
 * a conditional delete, so two instances cannot both accept it) and expires. Joins the caller's transaction.
 */
@ApplicationScoped
public class PasswordResets {

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    @ConfigProperty(name = "custodian.portal.reset-link-lifetime", defaultValue = "PT24H")
    Duration lifetime;

    /** A new link's token for the customer; earlier links stay valid until used or expired. */
    public String issue(String customerId) {
        RetailCustomer c = customers.find(customerId);
        String token = PasswordHash.newSecret();
        Instant now = Instant.now();
        em.persist(new PasswordReset(PasswordHash.hashGenerated(token), c.id(), now, now.plus(lifetime)));
        return token;
    }

    /** The customer whose link this is, while it is unused and unexpired. */
    public Optional<RetailCustomer> holder(String token) {
        if (token == null || token.isBlank() || token.length() > 64) return Optional.empty();
        PasswordReset r = em.find(PasswordReset.class, PasswordHash.hashGenerated(token));
        if (r == null || !Instant.now().isBefore(r.expiresAt())) return Optional.empty();
        return Optional.ofNullable(em.find(RetailCustomer.class, r.customerId()));
    }

    /**
     * Sets the password if the link is still good, using it up: the customer whose password it was, or empty if the
     * link was used, expired or never existed. The password is checked first, so a refused one leaves the link usable.
     */
    public Optional<RetailCustomer> redeem(String token, String password) {
        Customers.checkPassword(password);
        Optional<RetailCustomer> customer = holder(token);
        if (customer.isEmpty()) return customer;
        int used = em.createQuery("DELETE FROM PasswordReset r WHERE r.tokenHash = :hash AND r.expiresAt > :now")
                .setParameter("hash", PasswordHash.hashGenerated(token))
                .setParameter("now", Instant.now())
                .executeUpdate();
        if (used != 1) return Optional.empty();
        customer.get().passwordHash(PasswordHash.hash(password));
        return customer;
    }
}
