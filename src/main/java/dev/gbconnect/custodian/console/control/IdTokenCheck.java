package dev.gbconnect.custodian.console.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gbconnect.custodian.console.entity.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an ID token into a staff identity, or refuses it. OpenID Connect Core 1.0 §3.1.3.7: the signature by a key
 * of the issuer's JWKS with the expected algorithm, {@code iss} equal to the configured issuer, {@code aud} naming
 * our client id (and {@code azp} when there are several), {@code exp} in the future and {@code iat} present (60 s of
 * clock skew), and the {@code nonce} of our own request (§3.1.2.1, against replay). Nimbus' {@link IDTokenValidator}
 * checks all of these. Then the role claim maps to console roles; an identity without one has no roles and the caller
 * refuses it.
 */
public final class IdTokenCheck {

    /** An ID token that must not sign anyone in; the message says why, for the server's log. */
    public static final class Refused extends Exception {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Where the roles are in the token ({@code roles}, or a path such as Keycloak's {@code realm_access.roles}) and
     * which of its values make which role.
     */
    public record RoleClaim(String path, Map<Role, List<String>> values) {}

    private final IDTokenValidator validator;
    private final RoleClaim roleClaim;

    public IdTokenCheck(IDTokenValidator validator, RoleClaim roleClaim) {
        this.validator = validator;
        this.roleClaim = roleClaim;
    }

    /** The identity the token vouches for: subject {@code oidc:<sub>}, a name, and roles (maybe none). */
    public StaffIdentity identity(JWT idToken, Nonce expected) throws Refused {
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, expected);
        } catch (BadJOSEException | JOSEException bad) {
            throw new Refused("ID token refused: " + bad.getMessage(), bad);
        }
        String subject = claims.getSubject().getValue();
        // Core §2 allows 255 characters; with our prefix the session and the audit log keep 256.
        if (subject.length() > 251) throw new Refused("ID token refused: sub longer than 251 characters", null);
        return new StaffIdentity("oidc:" + subject, name(claims), roles(claims));
    }

    /** Something readable for the console and the audit log; the subject when the provider gives nothing else. */
    private static String name(IDTokenClaimsSet claims) {
        for (String claim : new String[] {"name", "preferred_username", "email"}) {
            String value = claims.getStringClaim(claim);
            if (value != null && !value.isBlank()) return value.length() > 256 ? value.substring(0, 256) : value;
        }
        return claims.getSubject().getValue();
    }

    private Set<Role> roles(IDTokenClaimsSet claims) {
        Object value = claims.toJSONObject();
        for (String step : roleClaim.path().split("\\.")) value = value instanceof Map<?, ?> m ? m.get(step) : null;
        Collection<?> given = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleClaim.values().forEach((role, names) -> {
            if (given.stream().anyMatch(v -> names.contains(String.valueOf(v)))) roles.add(role);
        });
        return roles;
    }
}
