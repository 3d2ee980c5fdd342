package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creating, changing and ending ESPI Authorizations, each announced with {@link AuthorizationChanged}. Joins the
 * caller's transaction, except where said.
 */
@ApplicationScoped
public class Authorizations {

    private static final int SLICE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuthorizationChanged> changed;

    /**
     * A back-office client's access for one scope, shared by all its client_credentials tokens so that a busy
     * client does not leave an Authorization per token behind. Two instances may race to create it; both rows
     * are valid, and later grants pick the oldest. No setMaxResults: there are one or two rows, and a row limit
     * makes EclipseLink prepare the named query again on every call.
     */
    public Authorization standing(String clientId, String scope) {
        List<Authorization> found = em.createNamedQuery(Authorization.STANDING, Authorization.class)
                .setParameter("client", clientId)
                .setParameter("scope", scope)
                .getResultList();
        if (!found.isEmpty()) return found.get(0);
        Authorization a = new Authorization(
                UUID.randomUUID().toString(),
                clientId,
                "client_credentials",
                scope,
                Authorization.ACTIVE,
                Instant.now());
        em.persist(a);
        return a;
    }

    /** A customer's consent to a third party: a new Authorization with its Subscription of the chosen usage points. */
    public Authorization consented(
            String clientId, String customerId, String scope, Set<String> usagePointIds, Instant until) {
        return consented(clientId, customerId, scope, usagePointIds, until, "authorization_code");
    }

    /**
     * Offline authorization (ESPI): the utility's support staff grant access on the customer's behalf, with the
     * reason on record. The Authorization is the customer's like any other: they see it and can revoke it.
     */
    public Authorization offline(
            String clientId, String customerId, String scope, Set<String> usagePointIds, Instant until, String reason) {
        return consented(clientId, customerId, scope, usagePointIds, until, "offline")
                .offline(reason);
    }

    private Authorization consented(
            String clientId,
            String customerId,
            String scope,
            Set<String> usagePointIds,
            Instant until,
            String grantType) {
        Instant now = Instant.now();
        Authorization a = new Authorization(
                        UUID.randomUUID().toString(), clientId, grantType, scope, Authorization.ACTIVE, now)
                .forCustomer(
                        customerId,
                        UUID.randomUUID().toString(),
                        usagePointIds,
                        until,
                        EspiScope.parse(scope).historyStart(now));
        return created(a);
    }

    /**
     * A large customer's own script (the password grant): one Authorization per client, customer and scope,
     * reused by later grants so that a daily script does not pile them up. It covers the customer's usage points
     * as they are at each grant.
     */
    public Authorization ofOwner(String clientId, String customerId, String scope, Set<String> usagePointIds) {
        List<Authorization> found = em.createNamedQuery(Authorization.OWN, Authorization.class)
                .setParameter("client", clientId)
                .setParameter("customer", customerId)
                .setParameter("scope", scope)
                .setMaxResults(1)
                .getResultList();
        if (!found.isEmpty()) {
            Authorization a = found.get(0);
            if (!a.usagePointIds().equals(usagePointIds)) {
                a.usagePoints(usagePointIds, Instant.now());
                changed.fire(new AuthorizationChanged(a));
            }
            return a;
        }
        Instant now = Instant.now();
        return created(
                new Authorization(UUID.randomUUID().toString(), clientId, "password", scope, Authorization.ACTIVE, now)
                        .forCustomer(
                                customerId,
                                UUID.randomUUID().toString(),
                                usagePointIds,
                                null,
                                EspiScope.parse(scope).historyStart(now)));
    }

    /** ESPI keeps a refusal as an Authorization with status 2, so the customer's history shows it. */
    public void denied(String clientId, String customerId, String scope) {
        created(new Authorization(
                        UUID.randomUUID().toString(),
                        clientId,
                        "authorization_code",
                        scope,
                        Authorization.DENIED,
                        Instant.now())
                .forCustomer(customerId, null, Set.of(), null, null));
    }

    private Authorization created(Authorization a) {
        em.persist(a);
        changed.fire(new AuthorizationChanged(a));
        return a;
    }

    /** Ends an active Authorization in the caller's transaction; every token issued under it stops on its next use. */
    public void end(Authorization a, String reason) {
        if (a.status() != Authorization.ACTIVE) return;
        a.revoke(reason, Instant.now());
        changed.fire(new AuthorizationChanged(a));
    }

    /** Ends every active Authorization of a client, customers' and back-office ones alike. */
    public void endAllOf(String clientId, String reason) {
        em.createQuery(
                        "SELECT a FROM Authorization a WHERE a.clientId = :client AND a.status = "
                                + Authorization.ACTIVE,
                        Authorization.class)
                .setParameter("client", clientId)
                .getResultList()
                .forEach(a -> end(a, reason));
    }

    /**
     * Ends the Authorizations whose sharing period is over, so that their end is recorded and announced once. The
     * conditional update lets several instances sweep at the same time: only one of them ends each.
     */
    public int endLapsed(Instant now) {
        List<String> lapsed = em.createQuery(
                        "SELECT a.id FROM Authorization a WHERE a.status = " + Authorization.ACTIVE
                                + " AND a.authorizedEnd <= :now",
                        String.class)
                .setParameter("now", now)
                .getResultList();
        int ended = 0;
        for (String id : lapsed) {
            int updated = em.createQuery("UPDATE Authorization a SET a.status = " + Authorization.REVOKED
                            + ", a.endReason = :reason, a.updatedAt = :now" + " WHERE a.id = :id AND a.status = "
                            + Authorization.ACTIVE)
                    .setParameter("reason", "the sharing period the customer chose ended")
                    .setParameter("now", now)
                    .setParameter("id", id)
                    .executeUpdate();
            if (updated == 1) {
                changed.fire(new AuthorizationChanged(em.find(Authorization.class, id)));
                ended++;
            }
        }
        return ended;
    }

    /** Every Authorization of a customer, newest first: active, ended and denied. */
    public List<Authorization> ofCustomer(String customerId) {
        return em.createNamedQuery(Authorization.OF_CUSTOMER, Authorization.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    /**
     * The Authorizations a caller may see, in the query: the data custodian's admin all of them, a third party's
     * back office its own (ESPI lets no other token class read them), one page of them.
     */
    public FeedQuery.Slice<Authorization> visibleTo(Caller caller, FeedQuery query) {
        return query.read(visibility(
                caller,
                "SELECT a FROM Authorization a WHERE ",
                query.jpql("a.createdAt", "a.updatedAt") + " ORDER BY a.createdAt, a.id"));
    }

    /** One of them, or empty: the caller tells a missing id from another's as {@code OutsideRights} says. */
    public Optional<Authorization> visibleTo(Caller caller, String id) {
        return visibility(caller, "SELECT a FROM Authorization a WHERE a.id = :id AND ", "")
                .setParameter("id", id)
                .getResultList()
                .stream()
                .findFirst();
    }

    private TypedQuery<Authorization> visibility(Caller caller, String head, String tail) {
        String client = caller.visibleClient();
        if (client == null) return em.createQuery(head + "1 = 1" + tail, Authorization.class);
        return em.createQuery(head + "a.clientId = :client" + tail, Authorization.class)
                .setParameter("client", client);
    }

    /** The active customer Authorization behind a Subscription. */
    public Optional<Authorization> ofSubscription(String subscriptionId) {
        return em
                .createQuery(
                        "SELECT a FROM Authorization a WHERE a.subscriptionId = :s AND a.status = "
                                + Authorization.ACTIVE,
                        Authorization.class)
                .setParameter("s", subscriptionId)
                .getResultList()
                .stream()
                .filter(a -> a.activeAt(Instant.now()))
                .findFirst();
    }

    /** A third party's active customer Authorizations, each with its Subscription, oldest first. */
    public List<Authorization> subscriptionsOf(String clientId) {
        Instant now = Instant.now();
        return em
                .createQuery(
                        "SELECT a FROM Authorization a WHERE a.clientId = :client AND a.subscriptionId IS NOT NULL AND a.status = "
                                + Authorization.ACTIVE + " ORDER BY a.createdAt, a.id",
                        Authorization.class)
                .setParameter("client", clientId)
                .getResultList()
                .stream()
                .filter(a -> a.activeAt(now))
                .toList();
    }

    /**
     * The active customer Authorizations whose scope names this bulk id ({@code BR=}) and whose customer is not
     * disabled (a disabled customer shares nothing, as {@link #sharing} has it): a third party's own, or with a null
     * client, every third party's. In id order as the database sorts them, the order a bulk's statements read
     * them in ({@code Batch/Bulk}).
     */
    public List<Authorization> bulk(String clientId, String bulkId) {
        String jpql = "SELECT a FROM Authorization a WHERE a.subscriptionId IS NOT NULL AND a.status = "
                + Authorization.ACTIVE + " AND a.scope LIKE :pattern"
                + " AND NOT EXISTS (SELECT r FROM RetailCustomer r WHERE r.id = a.customerId AND r.enabled = FALSE)"
                + (clientId == null ? "" : " AND a.clientId = :client") + " ORDER BY a.id";
        TypedQuery<Authorization> q =
                em.createQuery(jpql, Authorization.class).setParameter("pattern", "%BR=" + bulkId + "%");
        if (clientId != null) q.setParameter("client", clientId);
        Instant now = Instant.now();
        return q.getResultList().stream()
                .filter(a -> a.activeAt(now)
                        && bulkId.equals(EspiScope.parse(a.scope()).bulkId()))
                .toList();
    }

    public Optional<Authorization> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Authorization.class, id));
    }

    /** The Authorization if it shares data now: active, and its customer (if any) enabled. */
    public Optional<Authorization> sharing(String id, Instant now) {
        return find(id).filter(a -> a.activeAt(now) && suspended(List.of(a)).isEmpty());
    }

    /**
     * Of these Authorizations, the ids of the active ones whose customer is disabled: their tokens stop, and ESPI
     * shows them revoked (AuthorizationStatus has no code for suspended). Asked in slices, to keep each IN list
     * short on every database.
     */
    public Set<String> suspended(Collection<Authorization> shown) {
        List<String> customers = shown.stream()
                .filter(a -> a.status() == Authorization.ACTIVE)
                .map(Authorization::customerId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Set<String> disabled = new HashSet<>();
        for (int from = 0; from < customers.size(); from += SLICE) {
            disabled.addAll(em.createQuery(
                            "SELECT r.id FROM RetailCustomer r WHERE r.enabled = FALSE AND r.id IN :ids", String.class)
                    .setParameter("ids", customers.subList(from, Math.min(customers.size(), from + SLICE)))
                    .getResultList());
        }
        if (disabled.isEmpty()) return Set.of();
        return shown.stream()
                .filter(a -> a.status() == Authorization.ACTIVE && disabled.contains(a.customerId()))
                .map(Authorization::id)
                .collect(Collectors.toSet());
    }

    /**
     * Ends an Authorization in a transaction of its own, for the refusals that must leave it ended: a replayed
     * code or refresh token is answered with an error, which rolls the request's own transaction back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void revokeNow(String id, String reason) {
        Authorization a = em.find(Authorization.class, id);
        if (a != null) end(a, reason);
    }
}
