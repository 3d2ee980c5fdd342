package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.entity.Client;
import java.time.Instant;
import java.util.Set;

/**
 * Who a valid access token speaks for: the client, the scope, and through its Authorization whose data (a
 * customer's Subscription) or which back-office access it carries.
 */
public record Caller(String clientId, Client.Kind clientKind, String scope, String authorizationId, String customerId,
                     String subscriptionId, Instant issuedAt, Instant expiresAt) {

    public Set<String> scopes() {
        return Scopes.split(scope);
    }
}
