package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.atom.Sql;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The outbox rows as the sender and the admin see them. A notice is sent by whoever holds its lease, taken with a
 * conditional update, so that of several instances on one database exactly one sends it at a time; a lease that
 * runs out (its instance died) frees the notice for the next try. Only the oldest pending notice of each third
 * party is due, which keeps each third party's notices in order. The sender works in passes (see {@link #pass}):
 * one transaction, so one commit, records every answer that came in and takes every notice due next, whatever their
 * number; two commits per notice had a durable database's log flush set the pace (docs/performance.md).
 */
@ApplicationScoped
public class Deliveries {

    /**
     * Every IN list of a pass is padded to this many values, so each statement has one text that the database
     * compiles once; longer lists go in several statements.
     */
    static final int IN_LIST = 32;

    /** A notice its sender holds: what to send and where. */
    public record Claim(
            long sequence, String deliveryId, String clientId, String target, List<String> resources, int attempt) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Outbox.Enqueued> enqueued;

    /** What became of an attempt, for the next pass to record. */
    public record Outcome(Claim claim, Notification.State state, Instant next, String error, Instant at) {}

    /**
     * One pass of the sender, in one transaction (one commit, however many notices): records the outcomes of the
     * attempts answered since the last pass, then leases the head of each third party named, where it is due. The
     * heads are probed in the order of their third parties' ids, so that two instances' passes take row locks in the
     * same order. About two statements per notice: the deliveries are recorded together, the third parties read
     * together, then a probe and a lease for each.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> pass(String owner, List<Outcome> outcomes, SortedSet<String> clients, Duration lease) {
        List<Outcome> delivered = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.state() == Notification.State.DELIVERED) delivered.add(o);
            else settleFailed(o, owner);
        }
        for (int from = 0; from < delivered.size(); from += IN_LIST)
            settleDelivered(delivered.subList(from, Math.min(delivered.size(), from + IN_LIST)), owner);
        Map<String, Client> known = clients(List.copyOf(clients));
        List<Claim> claimed = new ArrayList<>();
        for (String client : clients)
            head(client, known.get(client), owner, lease).ifPresent(claimed::add);
        return claimed;
    }

    /** The named third parties that exist, by id: one statement per {@link #IN_LIST} of them. */
    private Map<String, Client> clients(List<String> ids) {
        Map<String, Client> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            em.createQuery("SELECT c FROM Client c WHERE c.id IN :ids", Client.class)
                    .setParameter("ids", Sql.padded(ids.subList(from, Math.min(ids.size(), from + IN_LIST)), IN_LIST))
                    .getResultList()
                    .forEach(c -> byId.put(c.id(), c));
        }
        return byId;
    }

    /**
     * The third parties with a pending notice that is due (leased or not), for the sender's periodic look: one range
     * of NOTIFICATION_DUE, where a claim pass probes each third party's head only. In a transaction of its own: the
     * sender's scheduled thread has no request whose persistence context it could use.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> withDueNotices(Instant now) {
        return em.createQuery(
                        "SELECT DISTINCT n.clientId FROM Notification n WHERE n.state = :pending AND n.nextAttemptAt <= :now",
                        String.class)
                .setParameter("pending", Notification.State.PENDING)
                .setParameter("now", now)
                .getResultList();
    }

    /**
     * The third party's oldest pending notice, leased for {@code lease} from now if it is due and no one holds it,
     * unless the third party is suspended. Only a head is ever sent, which keeps each third party's notices in order.
     * One row read along NOTIFICATION_CLIENT, whatever the backlog; joined to the client in the same statement, Derby
     * read and sorted every pending notice of the third party instead.
     */
    private Optional<Claim> head(String clientId, Client client, String owner, Duration lease) {
        if (client != null && client.status() == Client.Status.SUSPENDED) return Optional.empty();
        List<Notification> head = em.createQuery(
                        "SELECT n FROM Notification n WHERE n.clientId = :client AND n.state = :pending ORDER BY n.sequence",
                        Notification.class)
                .setParameter("client", clientId)
                .setParameter("pending", Notification.State.PENDING)
                .setMaxResults(1)
                .getResultList();
        Instant now = Instant.now();
        if (head.isEmpty() || head.get(0).nextAttemptAt().isAfter(now)) return Optional.empty();
        Notification n = head.get(0);
        // the lease is timed from the moment it is taken, not from the start of the pass
        return lease(n, owner, now, now.plus(lease)) ? Optional.of(claim(n, client)) : Optional.empty();
    }

    /** Whether this owner took the lease: it may be held, or another instance may have taken it since the probe. */
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
    private static Claim claim(Notification n, Client client) {
        return new Claim(
                n.sequence(),
                n.deliveryId(),
                n.clientId(),
                client == null || client.status() != Client.Status.ACTIVE ? null : client.notifyUri(),
                n.resources(),
                n.attempts() + 1);
    }

    /**
     * Records deliveries in one statement, unless a lease was lost meanwhile (then the new holder records its own).
     * Their delivery time is that of the last answer among them, the time they are known to be delivered by: a pass
     * later than the first at most. A delivery keeps the last error on record: it tells the admin why a notice took
     * several attempts.
     */
    private void settleDelivered(List<Outcome> delivered, String owner) {
        Instant at = delivered.stream()
                .map(Outcome::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<Long> sequences = delivered.stream().map(o -> o.claim().sequence()).toList();
        em.createQuery("UPDATE Notification n SET n.state = :state, n.nextAttemptAt = :at, n.deliveredAt = :at,"
                        + " n.leaseOwner = NULL, n.leaseUntil = NULL"
                        + " WHERE n.sequence IN :seqs AND n.leaseOwner = :owner AND n.state = :pending")
                .setParameter("state", Notification.State.DELIVERED)
                .setParameter("at", at)
                .setParameter("seqs", Sql.padded(sequences, IN_LIST))
                .setParameter("owner", owner)
                .setParameter("pending", Notification.State.PENDING)
                .executeUpdate();
    }

    /**
     * Records a failed attempt (to try again later, or dead), unless the lease was lost meanwhile. No parameter is
     * ever null: PostgreSQL cannot type a null that EclipseLink binds as text against a BIGINT column.
     */
    private void settleFailed(Outcome outcome, String owner) {
        em.createQuery("UPDATE Notification n SET n.state = :state, n.nextAttemptAt = :next, n.lastError = :error,"
                        + " n.leaseOwner = NULL, n.leaseUntil = NULL"
                        + " WHERE n.sequence = :seq AND n.leaseOwner = :owner AND n.state = :pending")
                .setParameter("state", outcome.state())
                .setParameter("next", outcome.next())
                .setParameter("error", clip(outcome.error()))
                .setParameter("seq", outcome.claim().sequence())
                .setParameter("owner", owner)
                .setParameter("pending", Notification.State.PENDING)
                .executeUpdate();
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
        enqueued.fire(new Outbox.Enqueued(n.clientId()));
        return n;
    }

    private static String clip(String error) {
        return error.length() > 512 ? error.substring(0, 509) + "..." : error;
    }
}
