package dev.gbconnect.custodian.portal.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.portal.entity.PortalSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Portal sign-in sessions: a new random token at every sign-in, idle and absolute limits, ended by signing out or by
 * the customer being disabled.
 */
@ApplicationScoped
public class PortalSessions {

    /** What a page needs of the signed-in customer. */
    public record Session(String customerId, String csrf) {}

    /** The token for the cookie, and the session it opens. */
    public record Started(String token, Session session) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "custodian.portal.idle-timeout", defaultValue = "PT30M")
    Duration idle;

    @Inject
    @ConfigProperty(name = "custodian.portal.session-lifetime", defaultValue = "PT12H")
    Duration longest;

    @Transactional
    public Started start(String customerId) {
        String token = PasswordHash.newSecret();
        PortalSession s = new PortalSession(
                PasswordHash.hashGenerated(token), customerId, PasswordHash.newSecret(), Instant.now(), longest);
        em.persist(s);
        return new Started(token, new Session(customerId, s.csrf()));
    }

    @Transactional
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        PortalSession s = em.find(PortalSession.class, PasswordHash.hashGenerated(token));
        Instant now = Instant.now();
        if (s == null || !s.usableAt(now, idle)) return Optional.empty();
        // A disabled customer shares nothing and sees nothing (issue 16 item 11): the open session ends at once,
        // on every instance, and enabling the customer again does not bring it back.
        RetailCustomer customer = em.find(RetailCustomer.class, s.customerId());
        if (customer == null || !customer.enabled()) {
            em.remove(s);
            return Optional.empty();
        }
        s.seen(now);
        return Optional.of(new Session(s.customerId(), s.csrf()));
    }

    @Transactional
    public void end(String token) {
        if (token == null) return;
        PortalSession s = em.find(PortalSession.class, PasswordHash.hashGenerated(token));
        if (s != null) em.remove(s);
    }

    /**
     * Ends every portal session of the customer but the one of {@code keep} (null: all of them), on every instance:
     * after a password change, whoever knew the old password is signed out.
     */
    @Transactional
    public int endOthers(String customerId, String keep) {
        return em.createQuery("DELETE FROM PortalSession s WHERE s.customerId = :customer AND s.tokenHash <> :keep")
                .setParameter("customer", customerId)
                .setParameter("keep", keep == null ? "" : PasswordHash.hashGenerated(keep))
                .executeUpdate();
    }
}
