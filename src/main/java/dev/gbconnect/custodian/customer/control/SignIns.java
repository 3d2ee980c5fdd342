package dev.gbconnect.custodian.customer.control;

import dev.gbconnect.custodian.customer.entity.SignInRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The record of a customer's sign-ins (issue 20 item 5, issue 19 item 4): the customer sees their recent ones, staff
 * the recent failures. Only sign-ins of an existing username are kept (a guessed username has no one to show them
 * to), for custodian.sign-in.history (90 days by default).
 */
@ApplicationScoped
public class SignIns {

    /** Where a sign-in came from, as the boundary saw the request; address and agent may be null. */
    public record Attempt(SignInRecord.Channel channel, String address, String agent) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "custodian.sign-in.history", defaultValue = "P90D")
    Duration history;

    /** Committed whatever becomes of the caller's transaction: a refused consent sign-in rolls its own back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String customerId, boolean succeeded, Attempt where) {
        Instant now = Instant.now();
        em.persist(new SignInRecord(
                customerId,
                now,
                succeeded ? SignInRecord.Outcome.SUCCEEDED : SignInRecord.Outcome.FAILED,
                where.channel(),
                where.address(),
                where.agent(),
                now.plus(history)));
    }

    /** The customer's latest sign-ins, newest first. */
    public List<SignInRecord> recent(String customerId, int limit) {
        return of(customerId, EnumSet.allOf(SignInRecord.Outcome.class), limit);
    }

    public List<SignInRecord> recentFailures(String customerId, int limit) {
        return of(customerId, EnumSet.of(SignInRecord.Outcome.FAILED), limit);
    }

    private List<SignInRecord> of(String customerId, EnumSet<SignInRecord.Outcome> outcomes, int limit) {
        return em.createNamedQuery(SignInRecord.OF_CUSTOMER, SignInRecord.class)
                .setParameter("customer", customerId)
                .setParameter("outcomes", outcomes)
                .setMaxResults(limit)
                .getResultList();
    }

    public Duration history() {
        return history;
    }
}
