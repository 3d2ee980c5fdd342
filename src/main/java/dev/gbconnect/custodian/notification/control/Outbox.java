package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.control.ApplicationChanged;
import dev.gbconnect.custodian.authorization.control.AuthorizationChanged;
import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.control.CustomerSharing;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.ingest.control.CustomerInfoChanged;
import dev.gbconnect.custodian.ingest.control.UsageChanged;
import dev.gbconnect.custodian.notification.entity.Notification;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.platform.RequestBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Writes notices into the outbox, in the transaction of the change they announce: new usage data, changed customer
 * information, an
 * Authorization created, changed or ended, a third party's registration changed, or an admin's request. Only active
 * third parties get them. Each notice lists URIs below the server's public base, which is stored with it; the
 * resources themselves are never in a notice.
 */
@ApplicationScoped
public class Outbox {

    /** Keeps a BatchList (and its row) small; a change reaching more of a third party's Subscriptions is split. */
    static final int MOST_URIS = 100;

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    /** The clients {@code c} that get notices: active third parties with a notify URI (see {@link #recipients}). */
    private static final String RECIPIENTS = "c.kind = :thirdParty AND c.status = :active AND c.notifyUri IS NOT NULL";

    @PersistenceContext
    EntityManager em;

    @Inject
    RequestBase requestBase;

    @Inject
    Authorizations authorizations;

    @Inject
    Customers customers;

    @Inject
    Event<Enqueued> enqueued;

    /** Fired with every notice written, for its third party; the sender starts once the transaction has committed. */
    public record Enqueued(String clientId) {}

    void usageChanged(@Observes UsageChanged change) {
        Instant now = Instant.now();
        Map<String, Map<String, UsageChanged.Span>> byClient = new LinkedHashMap<>();
        for (Authorization a : covering(change)) {
            if (!a.activeAt(now)) continue;
            UsageChanged.Span span = UsageChanged.Span.UNDATED;
            for (String point : a.usagePointIds()) {
                UsageChanged.Span s = change.usagePoints().get(point);
                if (s != null) span = span.union(s);
            }
            byClient.computeIfAbsent(a.clientId(), k -> new LinkedHashMap<>())
                    .merge(batchOf(a), span, UsageChanged.Span::union);
        }
        byClient.forEach((client, batches) -> {
            List<String> paths = new ArrayList<>();
            batches.forEach((path, span) -> paths.add(
                    span.dated() ? path + "?published-min=" + span.start() + "&published-max=" + span.end() : path));
            enqueue(
                    client,
                    Notification.Kind.DATA,
                    "new usage data for " + paths.size() + " subscription batch(es)",
                    paths,
                    now);
        });
    }

    /**
     * FB_69 (Retail Customer PUSH Model): changed customer information is announced to the third parties whose
     * Authorization grants it (FB_53), with the customer's {@code Batch/RetailCustomer/{rc}}; a third party with usage
     * data only learns nothing, not even that something changed.
     */
    void customerInfoChanged(@Observes CustomerInfoChanged change) {
        Instant now = Instant.now();
        List<String> path = List.of("Batch/RetailCustomer/" + change.customerId());
        holdingCustomerInfo(change.customerId(), now)
                .forEach(client -> enqueue(client, Notification.Kind.DATA, "changed customer information", path, now));
    }

    /**
     * The admin's request for the FB_69 notice of a customer's information, to the third parties holding it (or to
     * the one named, which must hold it), as if it had changed.
     */
    public List<Notification> requestedCustomerInfo(String customerId, String clientId) {
        customers.find(customerId);
        Instant now = Instant.now();
        List<String> clients = holdingCustomerInfo(customerId, now).stream()
                .filter(c -> clientId == null || c.equals(clientId))
                .toList();
        if (clientId != null && clients.isEmpty())
            throw ApiException.notFound("active third party " + clientId + " with a notify URI and an Authorization"
                    + " of retail customer " + customerId + " that grants customer information");
        List<String> path = List.of("Batch/RetailCustomer/" + customerId);
        List<Notification> written = new ArrayList<>();
        for (String c : clients)
            written.addAll(enqueue(c, Notification.Kind.DATA, "requested by the data custodian", path, now));
        return written;
    }

    /** The recipients with an active Authorization of the customer that grants customer information (FB_53). */
    private List<String> holdingCustomerInfo(String customerId, Instant now) {
        List<Authorization> granted = authorizations.ofCustomer(customerId).stream()
                .filter(a -> a.activeAt(now) && a.subscriptionId() != null && EspiScope.looksLikeEspi(a.scope()))
                .filter(a -> EspiScope.parse(a.scope()).grantsCustomerInformation() && recipient(a.clientId()))
                .toList();
        Set<String> suspended = authorizations.suspended(granted);
        return granted.stream()
                .filter(a -> !suspended.contains(a.id()))
                .map(Authorization::clientId)
                .distinct()
                .toList();
    }

    /**
     * The recipients' Subscriptions that hold one of the changed usage points, each recipient's in order. The usage
     * points are matched here, not in the query: with a collection parameter (IN :points) Derby compiled the query
     * again for every upload, a sixth of the server's CPU under a nightly delivery (docs/performance.md).
     */
    private List<Authorization> covering(UsageChanged change) {
        return recipients(
                        "SELECT a FROM Authorization a, Client c"
                                + " WHERE c.id = a.clientId AND " + RECIPIENTS
                                + " AND a.customerId = :customer AND a.subscriptionId IS NOT NULL"
                                + " AND a.status = " + Authorization.ACTIVE
                                + " AND NOT EXISTS (" + Authorization.DISABLED_CUSTOMER + ")"
                                + " ORDER BY a.clientId, a.createdAt, a.id",
                        Authorization.class)
                .setParameter("customer", change.customerId())
                .getResultList()
                .stream()
                .filter(a -> !Collections.disjoint(
                        a.usagePointIds(), change.usagePoints().keySet()))
                .toList();
    }

    void authorizationChanged(@Observes AuthorizationChanged change) {
        Authorization a = change.authorization();
        if (a.customerId() == null || !recipient(a.clientId())) return;
        String what = switch (a.status()) {
            case Authorization.ACTIVE ->
                a.createdAt().equals(a.updatedAt()) ? "Authorization created" : "Authorization changed";
            case Authorization.DENIED -> "Authorization denied by the customer";
            default -> "Authorization ended: " + a.endReason();
        };
        enqueue(a.clientId(), Notification.Kind.AUTHORIZATION, what, List.of("Authorization/" + a.id()), Instant.now());
    }

    /**
     * A customer disabled or enabled again: each third party gets one Authorization notice listing those of its
     * Authorizations that stopped, or came back (the ones that had not ended).
     */
    void customerSharing(@Observes CustomerSharing change) {
        Instant now = Instant.now();
        Map<String, List<String>> byClient = new LinkedHashMap<>();
        for (Authorization a : authorizations.ofCustomer(change.customerId())) {
            if (a.activeAt(now) && recipient(a.clientId()))
                byClient.computeIfAbsent(a.clientId(), k -> new ArrayList<>()).add("Authorization/" + a.id());
        }
        String what = change.sharing()
                ? "the customer's account is enabled again: Authorization restored"
                : "the customer's account is disabled: Authorization suspended, read as revoked";
        byClient.forEach((client, paths) -> enqueue(client, Notification.Kind.AUTHORIZATION, what, paths, now));
    }

    void applicationChanged(@Observes ApplicationChanged change) {
        Client c = change.client();
        if (recipient(c.id())) {
            enqueue(
                    c.id(),
                    Notification.Kind.APPLICATION,
                    "ApplicationInformation changed",
                    List.of("ApplicationInformation/" + c.id()),
                    Instant.now());
        }
    }

    /**
     * The admin's request for one kind of notice, to one third party or (null) to all of them: their Subscription
     * batches, their active Authorizations, or their ApplicationInformation. GBA certification asks for each on demand.
     */
    public List<Notification> requested(Notification.Kind kind, String clientId) {
        TypedQuery<Client> query = recipients(
                "SELECT c FROM Client c WHERE " + RECIPIENTS + (clientId == null ? "" : " AND c.id = :id")
                        + " ORDER BY c.issuedAt, c.id",
                Client.class);
        List<Client> clients = (clientId == null ? query : query.setParameter("id", clientId)).getResultList();
        if (clientId != null && clients.isEmpty())
            throw ApiException.notFound("active third party " + clientId + " with a notify URI");
        Instant now = Instant.now();
        List<Notification> written = new ArrayList<>();
        for (Client c : clients) {
            written.addAll(enqueue(c.id(), kind, "requested by the data custodian", announced(kind, c.id()), now));
        }
        return written;
    }

    /** What a notice of this kind lists for the third party: for data, its batches that are not suspended. */
    private List<String> announced(Notification.Kind kind, String clientId) {
        return switch (kind) {
            case APPLICATION -> List.of("ApplicationInformation/" + clientId);
            case AUTHORIZATION ->
                authorizations.subscriptionsOf(clientId).stream()
                        .map(a -> "Authorization/" + a.id())
                        .toList();
            case DATA -> {
                List<Authorization> subscriptions = authorizations.subscriptionsOf(clientId);
                Set<String> suspended = authorizations.suspended(subscriptions);
                yield subscriptions.stream()
                        .filter(a -> !suspended.contains(a.id()))
                        .map(Outbox::batchOf)
                        .distinct()
                        .toList();
            }
        };
    }

    /** A Subscription's batch, or for a bulk scope ({@code BR=}) the bulk batch that holds it. */
    private static String batchOf(Authorization a) {
        String bulk = EspiScope.parse(a.scope()).bulkId();
        return bulk != null ? "Batch/Bulk/" + bulk : "Batch/Subscription/" + a.subscriptionId();
    }

    private boolean recipient(String clientId) {
        return !recipients("SELECT c.id FROM Client c WHERE c.id = :id AND " + RECIPIENTS, String.class)
                .setParameter("id", clientId)
                .getResultList()
                .isEmpty();
    }

    private <T> TypedQuery<T> recipients(String jpql, Class<T> type) {
        return em.createQuery(jpql, type)
                .setParameter("thirdParty", Client.Kind.THIRD_PARTY)
                .setParameter("active", Client.Status.ACTIVE);
    }

    private List<Notification> enqueue(
            String clientId, Notification.Kind kind, String reason, List<String> paths, Instant now) {
        if (paths.isEmpty()) return List.of();
        String base = base(clientId);
        if (base == null || !Clients.webAddress(URI.create(base))) {
            LOG.warning("no notice to " + clientId + " (" + reason
                    + "): notices name our resources by https URIs (http only on loopback), and "
                    + (base == null ? "this change came from no request" : base + " is not one")
                    + "; set custodian.public-url to our https address");
            return List.of();
        }
        List<Notification> written = new ArrayList<>();
        for (int from = 0; from < paths.size(); from += MOST_URIS) {
            List<String> uris = paths.subList(from, Math.min(paths.size(), from + MOST_URIS)).stream()
                    .map(p -> base + EspiUris.RESOURCE + p)
                    .toList();
            Notification n = new Notification(clientId, kind, reason, uris, now);
            em.persist(n);
            enqueued.fire(new Enqueued(clientId));
            written.add(n);
        }
        return written;
    }

    /**
     * The configured public URL; else the base of the request that made the change; else, for a change made by a
     * background sweep, the base of the third party's previous notice, which an Authorization's creation always made.
     */
    private String base(String clientId) {
        String configured = PublicUrl.configured();
        if (configured != null) return configured;
        try {
            Optional<String> fromRequest = requestBase.get();
            if (fromRequest.isPresent()) return fromRequest.get();
        } catch (ContextNotActiveException outsideRequests) {
            // a background thread without even a request context
        }
        return em
                .createQuery(
                        "SELECT n FROM Notification n WHERE n.clientId = :client ORDER BY n.sequence DESC",
                        Notification.class)
                .setParameter("client", clientId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .map(n -> baseOf(n.resources().get(0)))
                .findFirst()
                .orElse(null);
    }

    private static String baseOf(String uri) {
        int at = uri.indexOf(EspiUris.RESOURCE);
        return at < 0 ? null : uri.substring(0, at);
    }
}
