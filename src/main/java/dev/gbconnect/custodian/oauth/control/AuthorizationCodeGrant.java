package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.oauth.entity.AuthorizationCode;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636): the code is single use, bound to its client and redirect URI, and to the
 * verifier of its challenge. A code presented twice ends the Authorization it created (RFC 6749 §4.1.2).
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements Grant {

    /** RFC 7636 §4.1. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizations authorizations;

    @Inject
    Tokens tokens;

    @Inject
    @ConfigProperty(name = "custodian.oauth.code-lifetime", defaultValue = "PT60S")
    Duration codeLifetime;

    /** A code for the consent just given; {@code redirectUri} as the request gave it (null when it left it out). */
    public String issueCode(Authorization a, String redirectUri, String codeChallenge) {
        String code = PasswordHash.newSecret();
        em.persist(new AuthorizationCode(
                Tokens.hash(code),
                a.id(),
                a.clientId(),
                redirectUri,
                codeChallenge,
                Instant.now().plus(codeLifetime)));
        return code;
    }

    @Override
    public String type() {
        return "authorization_code";
    }

    @Override
    public List<String> requiredParameters() {
        return List.of("code");
    }

    @Override
    public Tokens.Issued grant(TokenRequest request) {
        String code = request.parameter("code");
        String redirectUri = request.parameter("redirect_uri");
        String verifier = request.parameter("code_verifier");
        AuthorizationCode stored = em.find(AuthorizationCode.class, Tokens.hash(code));
        if (stored == null || !stored.clientId().equals(request.clientId()))
            throw TokenRequest.invalidGrant("the code is unknown or was issued to another client");
        Instant now = Instant.now();
        if (stored.usedAt() != null) throw replayed(stored);
        if (!now.isBefore(stored.expiresAt()))
            throw TokenRequest.invalidGrant(
                    "the code has expired; redeem it within " + codeLifetime.toSeconds() + " seconds");
        if (stored.redirectUri() != null && !stored.redirectUri().equals(redirectUri)) {
            throw TokenRequest.invalidGrant("redirect_uri must be the one of the authorization request");
        }
        checkVerifier(stored.codeChallenge(), verifier);
        if (em.createNamedQuery(AuthorizationCode.USE)
                        .setParameter("hash", Tokens.hash(code))
                        .setParameter("now", now)
                        .executeUpdate()
                != 1) {
            throw replayed(stored);
        }
        Authorization a = authorizations
                .sharing(stored.authorizationId(), now)
                .orElseThrow(() -> TokenRequest.invalidGrant("the customer's authorization has ended"));
        return tokens.accessAndRefresh(a, a.scope());
    }

    private RuntimeException replayed(AuthorizationCode stored) {
        authorizations.revokeNow(stored.authorizationId(), "authorization code used twice");
        return TokenRequest.invalidGrant("the code was already used; everything issued for it is revoked");
    }

    /** RFC 7636 §4.6, S256 only; a verifier without a challenge is a downgrade attempt (RFC 9700 §2.1.1). */
    private static void checkVerifier(String challenge, String verifier) {
        if (challenge == null) {
            if (verifier != null)
                throw TokenRequest.invalidGrant(
                        "code_verifier given, but the authorization request had no code_challenge");
            return;
        }
        if (verifier == null)
            throw TokenRequest.invalidGrant(
                    "code_verifier is required: the authorization request had a code_challenge");
        if (!VERIFIER.matcher(verifier).matches())
            throw TokenRequest.invalidRequest("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        byte[] expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(PasswordHash.sha256(verifier))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw TokenRequest.invalidGrant("code_verifier does not match the code_challenge");
        }
    }
}
