package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.notification.entity.Notification;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox rows as the sender and the admin see them. A notice is sent by whoever holds its lease, taken with a
 * conditional update, so that of several instances on one database exactly one sends it at a time; a lease that
 * runs out (its instance died) frees the notice for the next try. Only the oldest pending notice of each third
 * party is due, which keeps each third party's notices in order.
 */
@ApplicationScoped
public class Deliveries {

    /** A notice its sender holds: what to send and where. */
    public record Claim(
            long sequence, String deliveryId, String clientId, String target, List<String> resources, int attempt) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Outbox.Enqueued> enqueued;

    /** Leases up to {@code most} due notices to {@code owner} until {@code until}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claimDue(String owner, Instant now, Instant until, int most) {
        List<Notification> due = em.createQuery(
                        "SELECT n FROM Notification n WHERE n.state = :pending AND n.nextAttemptAt <= :now"
                                + " AND (n.leaseUntil IS NULL OR n.leaseUntil < :now)"
                                + " AND NOT EXISTS (SELECT o FROM Notification o WHERE o.clientId = n.clientId AND o.state = :pending AND o.sequence < n.sequence)"
                                + " AND NOT EXISTS (SELECT c FROM Client c WHERE c.id = n.clientId AND c.status = :suspended)"
                                + " ORDER BY n.sequence",
                        Notification.class)
                .setParameter("pending", Notification.State.PENDING)
                .setParameter("now", now)
                .setParameter("suspended", Client.Status.SUSPENDED)
                .setMaxResults(most)
                .getResultList();
        List<Claim> claimed = new ArrayList<>();
        for (Notification n : due) {
            if (lease(n, owner, now, until)) claimed.add(claim(n));
        }
        return claimed;
    }

    /** Whether this owner took the lease: another instance may have taken it since the notice was read. */
    private boolean lease(Notification n, String owner, Instant now, Instant until) {
        return em.createQuery(
                                "UPDATE Notification n SET n.leaseOwner = :owner, n.leaseUntil = :until, n.attempts = n.attempts + 1,"
                                        + " n.lastAttemptAt = :now WHERE n.sequence = :seq AND n.state = :pending AND (n.leaseUntil IS NULL OR n.leaseUntil < :now)")
                        .setParameter("owner", owner)
                        .setParameter("until", until)
                        .setParameter("now", now)
                        .setParameter("seq", n.sequence())
                        .setParameter("pending", Notification.State.PENDING)
                        .executeUpdate()
                == 1;
    }

    /** The leased notice, sent to the third party's notify URI while it is active (null otherwise). */
    private Claim claim(Notification n) {
        Client client = em.find(Client.class, n.clientId());
        return new Claim(
                n.sequence(),
                n.deliveryId(),
                n.clientId(),
                client == null || client.status() != Client.Status.ACTIVE ? null : client.notifyUri(),
                n.resources(),
                n.attempts() + 1);
    }

    /**
     * Records the outcome of an attempt, unless the lease was lost meanwhile (then the new holder records its own).
     * A delivery keeps the last error on record: it tells the admin why a notice took several attempts. No parameter
     * is ever null: PostgreSQL cannot type a null that EclipseLink binds as text against a BIGINT column.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(Claim claim, String owner, Notification.State state, Instant next, String error, Instant now) {
        boolean delivered = state == Notification.State.DELIVERED;
        var update = em.createQuery(
                        "UPDATE Notification n SET n.state = :state, n.nextAttemptAt = :next,"
                                + (delivered ? " n.deliveredAt = :delivered," : "")
                                + (error == null ? "" : " n.lastError = :error,")
                                + " n.leaseOwner = NULL, n.leaseUntil = NULL WHERE n.sequence = :seq AND n.leaseOwner = :owner AND n.state = :pending")
                .setParameter("state", state)
                .setParameter("next", next)
                .setParameter("seq", claim.sequence())
                .setParameter("owner", owner)
                .setParameter("pending", Notification.State.PENDING);
        if (delivered) update.setParameter("delivered", now);
        if (error != null) update.setParameter("error", clip(error));
        update.executeUpdate();
    }

    /** Gives back leases unused: no attempt was made, so none is counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(List<Claim> claims, String owner) {
        em.createQuery("UPDATE Notification n SET n.attempts = n.attempts - 1, n.leaseOwner = NULL, n.leaseUntil = NULL"
                        + " WHERE n.sequence IN :seqs AND n.leaseOwner = :owner AND n.state = :pending")
                .setParameter("seqs", claims.stream().map(Claim::sequence).toList())
                .setParameter("owner", owner)
                .setParameter("pending", Notification.State.PENDING)
                .executeUpdate();
    }

    /** Newest first; state and client null for all. */
    public List<Notification> list(Notification.State state, String clientId, int most) {
        String jpql = "SELECT n FROM Notification n WHERE 1 = 1" + (state == null ? "" : " AND n.state = :state")
                + (clientId == null ? "" : " AND n.clientId = :client") + " ORDER BY n.sequence DESC";
        TypedQuery<Notification> q = em.createQuery(jpql, Notification.class).setMaxResults(most);
        if (state != null) q.setParameter("state", state);
        if (clientId != null) q.setParameter("client", clientId);
        return q.getResultList();
    }

    public long count(Notification.State state) {
        return em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.state = :state", Long.class)
                .setParameter("state", state)
                .getSingleResult();
    }

    public Notification find(long sequence) {
        Notification n = em.find(Notification.class, sequence);
        if (n == null) throw ApiException.notFound("notification " + sequence);
        return n;
    }

    /** A dead (or still pending) notice goes out again with a fresh count of attempts, in its original place. */
    @Transactional
    public Notification retry(long sequence) {
        Notification n = find(sequence);
        if (n.state() == Notification.State.DELIVERED) {
            throw ApiError.ALREADY_DELIVERED.because(
                    "notification " + sequence + " was delivered at " + n.deliveredAt());
        }
        n.retry(Instant.now());
        enqueued.fire(new Outbox.Enqueued());
        return n;
    }

    private static String clip(String error) {
        return error.length() > 512 ? error.substring(0, 509) + "..." : error;
    }
}
