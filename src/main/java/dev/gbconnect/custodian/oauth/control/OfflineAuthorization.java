package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.SharingEnd;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * ESPI offline authorization, as Metry's support staff do it: the utility grants a third party access on a
 * customer's behalf (the customer asked by phone or on paper), with the reason on record, and hands the third
 * party a refresh token. The same checks as the consent page apply: the third party's own scope, the customer's
 * own usage points, an end day within the longest allowed.
 */
@ApplicationScoped
public class OfflineAuthorization {

    public record Request(
            @JsonbProperty("client_id") String clientId,
            String scope,
            @JsonbProperty("usage_points") List<String> usagePoints,
            String until,
            String reason) {}

    @Inject
    Clients clients;

    @Inject
    Customers customers;

    @Inject
    UsageInventory usage;

    @Inject
    Authorizations authorizations;

    @Inject
    Tokens tokens;

    @Inject
    @ConfigProperty(name = "custodian.consent.longest", defaultValue = "P5Y")
    Period longest;

    public Tokens.Issued grant(String customerId, Request r) {
        if (!customers.find(customerId).enabled())
            throw ApiError.CUSTOMER_DISABLED.because(
                    "customer " + customerId + " is disabled: enable them before granting access to their data");
        if (r == null || r.clientId() == null) throw invalid("client_id, scope, until and reason are required");
        Client client = thirdParty(r.clientId());
        if (r.scope() == null || !client.offers(r.scope()))
            throw invalid("scope must be one of the ESPI scopes the client registered");
        if (r.reason() == null || r.reason().isBlank() || r.reason().length() > 256)
            throw invalid("reason is required (at most 256 characters): it is kept with the Authorization");
        Set<String> chosen = usagePoints(customerId, r.usagePoints());
        Instant end = end(r.until());
        return tokens.accessAndRefresh(
                authorizations.offline(
                        client.id(),
                        customerId,
                        r.scope(),
                        chosen,
                        end,
                        r.reason().trim()),
                r.scope());
    }

    /** Offline access is handed over as a refresh token, so only a third party that uses them can receive it. */
    private Client thirdParty(String clientId) {
        return clients.find(clientId)
                .filter(c -> c.kind() == Client.Kind.THIRD_PARTY
                        && c.status() == Client.Status.ACTIVE
                        && c.allows("refresh_token"))
                .orElseThrow(
                        () -> invalid("client " + clientId + " is not an active third party that uses refresh tokens"));
    }

    /** The customer's own usage points the request names, all of them when it names none. */
    private Set<String> usagePoints(String customerId, List<String> requested) {
        Set<String> own = new LinkedHashSet<>(
                usage.usagePoints(customerId).stream().map(UsagePoint::id).toList());
        Set<String> chosen = requested == null ? own : new LinkedHashSet<>(requested);
        if (chosen.isEmpty() || !own.containsAll(chosen))
            throw invalid("usage_points must be some of the customer's own usage points (or left out for all of them)");
        return chosen;
    }

    private Instant end(String until) {
        try {
            return SharingEnd.after(until, longest);
        } catch (IllegalArgumentException e) {
            throw invalid("until: " + e.getMessage());
        }
    }

    private static ApiException invalid(String message) {
        return ApiError.INVALID_REQUEST.because(message);
    }
}
