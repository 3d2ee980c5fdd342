package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.oauth.entity.AccessToken;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues and checks opaque access tokens; the database holds their hashes, never the tokens. */
@ApplicationScoped
public class Tokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "custodian.oauth.access-token-lifetime", defaultValue = "PT1H")
    Duration accessLifetime;

    /** A new token as the token endpoint answers it. */
    public record Issued(String token, String scope, long expiresIn) {
    }

    @Transactional
    public Issued issue(String clientId, String scope) {
        String token = PasswordHash.newSecret();
        Instant now = Instant.now();
        em.persist(new AccessToken(hash(token), clientId, scope, now, now.plus(accessLifetime)));
        return new Issued(token, scope, accessLifetime.toSeconds());
    }

    /** The token's record while it is neither expired nor revoked. */
    public Optional<AccessToken> active(String token) {
        AccessToken found = em.find(AccessToken.class, hash(token));
        return found != null && found.activeAt(Instant.now()) ? Optional.of(found) : Optional.empty();
    }

    /** RFC 7009: a client revokes its own tokens; anything else, unknown tokens included, changes nothing. */
    @Transactional
    public void revoke(String token, String clientId) {
        AccessToken found = em.find(AccessToken.class, hash(token));
        if (found != null && found.clientId().equals(clientId)) found.revoke();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
