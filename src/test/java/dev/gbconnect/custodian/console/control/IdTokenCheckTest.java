package dev.gbconnect.custodian.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gbconnect.custodian.console.entity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks of OpenID Connect Core 1.0 §3.1.3.7 against a provider made up here: its own RSA key, served
 * as a JWKS in memory. Forged, expired, foreign and replayed tokens are refused; the role claim maps as configured.
 */
class IdTokenCheckTest {

    static final String ISSUER = "https://login.utility.example/realms/staff", CLIENT = "custodian-console";
    static RSAKey provider, forger;
    static IdTokenCheck check;
    final Nonce nonce = new Nonce();

    @BeforeAll
    static void provider() throws JOSEException {
        provider = new RSAKeyGenerator(2048).keyID("k1").generate();
        forger = new RSAKeyGenerator(2048).keyID("k1").generate();
        IDTokenValidator validator = new IDTokenValidator(
                new Issuer(ISSUER), new ClientID(CLIENT), JWSAlgorithm.RS256, new JWKSet(provider.toPublicJWK()));
        check = new IdTokenCheck(
                validator,
                new IdTokenCheck.RoleClaim(
                        "roles",
                        Map.of(
                                Role.OPERATOR, List.of("operator", "custodian-operators"),
                                Role.SUPPORT, List.of("support"),
                                Role.AUDITOR, List.of("auditor"))));
    }

    /** A token as the provider would issue it, changed by {@code change}, signed with {@code key}. */
    private SignedJWT token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("248289761001")
                .audience(CLIENT)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce.getValue())
                .claim("name", "Jane Operator")
                .claim("roles", List.of("custodian-operators", "something-else"));
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                change.apply(claims).build());
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    private void assertRefused(SignedJWT jwt, String why) {
        assertThrows(IdTokenCheck.Refused.class, () -> check.identity(jwt, nonce), why);
    }

    @Test
    void identityWhenSignedByTheProviderThenSubjectNameAndMappedRoles() throws Exception {
        StaffIdentity who = check.identity(token(provider, c -> c), nonce);
        assertEquals("oidc:248289761001", who.subject());
        assertEquals("Jane Operator", who.name());
        assertEquals(Set.of(Role.OPERATOR), who.roles());
    }

    @Test
    void identityWhenSignatureIsByAnotherKeyWithTheSameKidThenRefused() throws Exception {
        assertRefused(token(forger, c -> c), "forged signature");
    }

    @Test
    void identityWhenExpiredThenRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertRefused(
                token(provider, c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))),
                "expired an hour ago, beyond the clock skew");
    }

    @Test
    void identityWhenIssuerOrAudienceIsAnotherThenRefused() throws Exception {
        assertRefused(token(provider, c -> c.issuer("https://login.utility.example/realms/other")), "wrong issuer");
        assertRefused(token(provider, c -> c.audience("another-client")), "wrong audience");
    }

    @Test
    void identityWhenNonceIsNotOursOrMissingThenRefused() throws Exception {
        assertRefused(token(provider, c -> c.claim("nonce", new Nonce().getValue())), "replayed from another request");
        assertRefused(token(provider, c -> c.claim("nonce", null)), "no nonce");
    }

    @Test
    void identityWhenUnsignedThenRefused() throws Exception {
        PlainJWT unsigned = new PlainJWT(token(provider, c -> c).getJWTClaimsSet());
        assertThrows(IdTokenCheck.Refused.class, () -> check.identity(unsigned, nonce), "alg none");
    }

    @Test
    void identityWhenNoRoleClaimOrNoKnownValueThenNoRoles() throws Exception {
        assertTrue(check.identity(token(provider, c -> c.claim("roles", null)), nonce)
                .roles()
                .isEmpty());
        assertTrue(
                check.identity(token(provider, c -> c.claim("roles", List.of("Operator"))), nonce)
                        .roles()
                        .isEmpty(),
                "values are compared exactly");
    }

    @Test
    void identityWhenRolesAreInsideAnotherClaimOrASingleStringThenFound() throws Exception {
        IdTokenCheck keycloak = new IdTokenCheck(
                new IDTokenValidator(
                        new Issuer(ISSUER),
                        new ClientID(CLIENT),
                        JWSAlgorithm.RS256,
                        new JWKSet(provider.toPublicJWK())),
                new IdTokenCheck.RoleClaim("realm_access.roles", Map.of(Role.AUDITOR, List.of("auditor"))));
        StaffIdentity who = keycloak.identity(
                token(provider, c -> c.claim("realm_access", Map.of("roles", List.of("auditor", "offline_access")))),
                nonce);
        assertEquals(Set.of(Role.AUDITOR), who.roles());
        assertEquals(
                Set.of(Role.SUPPORT),
                check.identity(token(provider, c -> c.claim("roles", "support")), nonce)
                        .roles());
    }
}
