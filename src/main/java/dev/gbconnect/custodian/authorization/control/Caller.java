package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import java.time.Instant;
import java.util.Set;

/**
 * Who a valid access token speaks for: the client, the scope, and its Authorization (as read with the token),
 * whose data (a customer's Subscription) or which back-office access it carries.
 */
public record Caller(
        String clientId,
        Client.Kind clientKind,
        String scope,
        Authorization authorization,
        Instant issuedAt,
        Instant expiresAt) {

    public Set<String> scopes() {
        return Scopes.split(scope);
    }

    public String authorizationId() {
        return authorization.id();
    }

    public String customerId() {
        return authorization.customerId();
    }

    public String subscriptionId() {
        return authorization.subscriptionId();
    }
}
