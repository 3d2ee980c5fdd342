package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.control.SignInThrottle;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.FailureCount;
import dev.gbconnect.custodian.platform.OAuthError;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The resource-owner password grant (RFC 6749 §4.3), as the OpenSG proposal asks for large customers' own scripts,
 * and a deliberate exception to RFC 9700 §2.4. Mitigations: only clients the utility enabled for it; a token
 * reads only the customer's own usage points, within one of the client's registered scopes; every failure counts
 * against the username (a lock answered exactly like a wrong password) and against the client (429 with
 * Retry-After); refresh tokens rotate. A customer's personal client (created in the portal) works for its owner only.
 */
@ApplicationScoped
public class PasswordGrant implements Grant {

    @Inject
    Customers customers;

    @Inject
    SignInThrottle throttle;

    @Inject
    UsageInventory usage;

    @Inject
    Authorizations authorizations;

    @Inject
    Tokens tokens;

    private FailureCount.Policy clientPolicy;

    @Inject
    void policy(
            @ConfigProperty(name = "custodian.oauth.password.client-max-failures", defaultValue = "20") int maxFailures,
            @ConfigProperty(name = "custodian.oauth.password.client-lockout", defaultValue = "PT5M") Duration lockout) {
        clientPolicy = new FailureCount.Policy(maxFailures, lockout, lockout, Duration.ofHours(1));
    }

    @Override
    public String type() {
        return "password";
    }

    @Override
    public List<String> requiredParameters() {
        return List.of("username", "password");
    }

    @Override
    public Tokens.Issued grant(TokenRequest request) {
        Client client = request.client();
        String key = "client:" + client.id();
        throttle.lockedUntil(key).ifPresent(until -> {
            throw OAuthError.SLOW_DOWN
                    .because("too many failed sign-ins from this client; try again later")
                    .retryAfter(
                            Math.max(1, Duration.between(Instant.now(), until).toSeconds()));
        });
        String scope = request.parameter("scope") == null ? client.scopes().get(0) : request.parameter("scope");
        if (!client.offers(scope))
            throw TokenRequest.invalidScope("scope must be one of the ESPI scopes this client registered");
        String username = request.parameter("username");
        String password = request.parameter("password");
        // A customer's personal client speaks for its owner alone; anyone else's credentials fail like wrong ones.
        RetailCustomer customer = customers
                .authenticate(username, password)
                .filter(c -> client.kind() != Client.Kind.PERSONAL || c.id().equals(client.owner()))
                .orElseThrow(() -> {
                    throttle.failed(key, clientPolicy);
                    return TokenRequest.invalidGrant("wrong username or password");
                });
        Set<String> own = new LinkedHashSet<>();
        for (UsagePoint u : usage.usagePoints(customer.id())) own.add(u.id());
        Authorization a = authorizations.ofOwner(client.id(), customer.id(), scope, own);
        return tokens.accessAndRefresh(a, scope);
    }
}
