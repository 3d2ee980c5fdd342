package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.oauth.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 6749 §6 with rotation (RFC 9700 §4.14.2): every use retires the token and issues the next; a retired
 * token presented again ends the whole Authorization, since one of the two presenters holds a stolen copy.
 */
@ApplicationScoped
public class RefreshTokenGrant implements Grant {

    @Inject
    Authorizations authorizations;

    @Inject
    Tokens tokens;

    @Override
    public String type() {
        return "refresh_token";
    }

    @Override
    public List<String> requiredParameters() {
        return List.of("refresh_token");
    }

    @Override
    public Tokens.Issued grant(TokenRequest request) {
        Tokens.Presented presented = tokens.refreshToken(request.parameter("refresh_token"))
                .filter(p -> p.token().clientId().equals(request.clientId()))
                .orElseThrow(() ->
                        TokenRequest.invalidGrant("the refresh token is unknown or was issued to another client"));
        RefreshToken token = presented.token();
        if (token.state() == RefreshToken.State.ROTATED) throw reused(token);
        Instant now = Instant.now();
        if (token.state() == RefreshToken.State.REVOKED || !now.isBefore(token.expiresAt())) {
            throw TokenRequest.invalidGrant("the refresh token has expired or was revoked");
        }
        Authorization a = Optional.ofNullable(presented.authorization())
                .filter(x -> x.activeAt(now))
                .orElseThrow(() -> TokenRequest.invalidGrant("the authorization behind this refresh token has ended"));
        String scope = narrowed(token.scope(), request.parameter("scope"));
        if (!tokens.rotate(token)) throw reused(token);
        return tokens.accessAndRefresh(a, scope);
    }

    private RuntimeException reused(RefreshToken token) {
        authorizations.revokeNow(token.authorizationId(), "a rotated refresh token was used again");
        return TokenRequest.invalidGrant("the refresh token was already used; the authorization is revoked");
    }

    /** RFC 6749 §6: the new access token may carry less than was granted, never more. */
    private static String narrowed(String granted, String requested) {
        if (requested == null) return granted;
        Set<String> grantedScopes = Scopes.split(granted);
        for (String s : Scopes.split(requested)) {
            if (grantedScopes.stream().noneMatch(g -> EspiScope.same(g, s)))
                throw TokenRequest.invalidScope(
                        "scope " + s + " was not granted; this refresh token carries " + granted);
        }
        return String.join(" ", Scopes.split(requested));
    }
}
