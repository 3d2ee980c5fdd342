package dev.gbconnect.custodian.portal.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.control.LastReads;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The applications a customer has shared data with, in words a customer reads, and the customer's own API clients. */
@ApplicationScoped
public class ConnectedApps {

    /**
     * One Authorization as the customer sees it; {@code scope} what it shares, null where the stored scope does not
     * parse; {@code active} false for ended and refused ones (the history), whose {@code endedKey} is the text saying
     * how they ended; {@code portal} the application's own page for its customers (ESPI
     * thirdPartyUserPortalScreenURI), or null; {@code lastRead} when its tokens last read data (to within
     * {@link LastReads}' resolution), or null; {@code zone} the local time of its usage points, in which the customer
     * chose its last day ({@link LocalTimeRules#common}).
     */
    public record App(
            String authorizationId,
            String application,
            String portal,
            EspiScope scope,
            List<String> usagePoints,
            Instant since,
            Instant until,
            boolean active,
            String endedKey,
            Instant lastRead,
            LocalTimeRules zone) {}

    @Inject
    Authorizations authorizations;

    @Inject
    Clients clients;

    @Inject
    UsageInventory usage;

    @Inject
    LastReads lastReads;

    /** What a personal client may read at most: the customer's own usage data, every interval, all history. */
    @Inject
    @ConfigProperty(name = "custodian.portal.personal-scope", defaultValue = "FB=1_3_4_5_12_13_14_15_16_18_19_53")
    String personalScope;

    /** The third parties' Authorizations of the customer (personal API access is listed apart), newest first. */
    public List<App> of(String customerId) {
        Map<String, String> points = usage.usagePoints(customerId).stream()
                .collect(Collectors.toMap(
                        UsagePoint::id, u -> u.title() == null || u.title().isBlank() ? u.id() : u.title()));
        Map<String, LocalTimeRules> zones = usage.localTimes(customerId);
        Instant now = Instant.now();
        List<Authorization> shared = authorizations.ofCustomer(customerId);
        Map<String, Instant> read =
                lastReads.of(shared.stream().map(Authorization::id).toList());
        Map<String, Client> client = new HashMap<>();
        for (Authorization a : shared) clients.find(a.clientId()).ifPresent(c -> client.put(c.id(), c));
        return shared.stream()
                .filter(a -> !client.containsKey(a.clientId())
                        || client.get(a.clientId()).kind() != Client.Kind.PERSONAL)
                .map(a -> app(a, client.get(a.clientId()), points, now, read.get(a.id()), zones))
                .toList();
    }

    private static App app(
            Authorization a,
            Client client,
            Map<String, String> points,
            Instant now,
            Instant read,
            Map<String, LocalTimeRules> zones) {
        return new App(
                a.id(),
                client == null ? a.clientId() : client.name(),
                client == null ? null : client.userPortalUri(),
                scope(a.scope()),
                a.usagePointIds().stream()
                        .map(id -> points.getOrDefault(id, id))
                        .sorted()
                        .toList(),
                a.authorizedStart(),
                a.authorizedEnd(),
                a.activeAt(now),
                ending(a, now),
                read,
                LocalTimeRules.common(zones, a.usagePointIds()));
    }

    /** Ends one of the customer's Authorizations; false when it is not theirs or does not exist, which look alike. */
    @Transactional
    public boolean revoke(String customerId, String authorizationId) {
        Authorization a = authorizations
                .find(authorizationId)
                .filter(x -> customerId.equals(x.customerId()))
                .orElse(null);
        if (a == null) return false;
        authorizations.end(a, "revoked by the customer in the portal");
        return true;
    }

    /** The customer's own API clients (personal access for scripts), newest last. */
    public List<Client> personal(String customerId) {
        return clients.personalOf(customerId);
    }

    @Transactional
    public Clients.Registered createPersonal(String customerId, String name) {
        return clients.personal(customerId, name, personalScope);
    }

    @Transactional
    public boolean endPersonal(String customerId, String clientId) {
        return clients.endPersonal(customerId, clientId);
    }

    /**
     * Stops every token of the customer's personal clients by ending their Authorizations; the clients stay, and
     * their next password grant (with the new password) starts a new one. Joins the caller's transaction.
     */
    public void endPersonalTokens(String customerId) {
        Set<String> mine = personal(customerId).stream().map(Client::id).collect(Collectors.toSet());
        authorizations.ofCustomer(customerId).stream()
                .filter(a -> mine.contains(a.clientId()))
                .forEach(a -> authorizations.end(a, "the customer's password changed"));
    }

    /** Third parties a customer may start a connection to from the portal. */
    public List<Client> connectable() {
        return clients.thirdParties().stream().filter(Client::connectable).toList();
    }

    private static EspiScope scope(String scope) {
        try {
            return EspiScope.parse(scope);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String ending(Authorization a, Instant now) {
        if (a.status() == Authorization.DENIED) return "apps.ended.declined";
        if (a.status() == Authorization.REVOKED) return "apps.ended.revoked";
        return a.activeAt(now) ? null : "apps.ended.expired";
    }
}
