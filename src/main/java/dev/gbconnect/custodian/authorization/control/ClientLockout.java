package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.ClientAuthFailures;
import dev.gbconnect.custodian.platform.Brakes;
import dev.gbconnect.custodian.platform.FailureCount;
import dev.gbconnect.custodian.platform.OAuthError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brakes on guessing client secrets ({@link Brakes}), the admin client's (chosen by a person, hashed with PBKDF2)
 * included. Wrong secrets are counted per client in the database, so every instance counts them. After
 * {@code custodian.oauth.client-auth.max-failures} within {@code hold-back} the client is held back for that long,
 * twice as long after each further round, up to {@code longest-hold-back}; meanwhile every request for it gets 429
 * with Retry-After, right secret or wrong, and no hash is computed. Each instance also remembers the hold-backs it
 * has seen, so a held-back client's requests cost neither a query nor a hash. The first success forgets it all.
 */
@ApplicationScoped
public class ClientLockout {

    /** Clients held back, and until when; at most one entry per client, dropped when seen expired. */
    private final ConcurrentMap<String, Instant> held = new ConcurrentHashMap<>();

    private FailureCount.Policy policy;

    @Inject
    Brakes brakes;

    @Inject
    void policy(
            @ConfigProperty(name = "custodian.oauth.client-auth.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "custodian.oauth.client-auth.hold-back", defaultValue = "PT1M") Duration holdBack,
            @ConfigProperty(name = "custodian.oauth.client-auth.longest-hold-back", defaultValue = "PT15M")
                    Duration longest) {
        policy = new FailureCount.Policy(Math.max(1, maxFailures), holdBack, holdBack, longest);
    }

    /** 429 for a client this instance has seen held back; costs no query. */
    void refuseIfKnownHeld(String clientId) {
        refuseIfHeld(clientId, held.get(clientId));
    }

    /** 429 while {@code until} (the client's row, read with it) lies ahead; remembered for the next request. */
    void refuseIfHeld(String clientId, Instant until) {
        if (until == null) return;
        Instant now = Instant.now();
        if (!now.isBefore(until)) {
            held.remove(clientId, until);
            return;
        }
        held.put(clientId, until);
        long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        throw OAuthError.SLOW_DOWN
                .because("too many failed authentications of client " + clientId + "; it is held back for " + seconds
                        + " s")
                .retryAfter(seconds);
    }

    void failed(String clientId) {
        Instant until = brakes.failed(ClientAuthFailures.class, clientId, ClientAuthFailures::new, policy);
        if (until != null) held.put(clientId, until);
    }

    void succeeded(String clientId) {
        brakes.succeeded(ClientAuthFailures.class, clientId);
    }
}
