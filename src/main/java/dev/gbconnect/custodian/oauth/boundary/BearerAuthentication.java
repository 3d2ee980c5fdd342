package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.control.LastReads;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.BearerError;
import dev.gbconnect.custodian.platform.Observation;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * RFC 6750 bearer check for {@link RequiresScope} resources: the token only in the Authorization header, 401
 * {@code invalid_token} for an unknown, expired or revoked one, 403 {@code insufficient_scope} for the wrong
 * scope or the wrong ESPI token class ({@link AcceptsTokens}). Runs before the request body is read and before the
 * resource looks anything up, so a refused upload costs nothing and a refusal says nothing about what exists.
 * Leaves the caller in {@link CurrentCaller} for the resource.
 */
@Provider
@RequiresScope({})
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    @Inject
    Tokens tokens;

    @Inject
    CurrentCaller current;

    @Inject
    LastReads lastReads;

    /** Documented deviation, off by default: GBA's test harness expects 403 for a blank Authorization header. */
    @Inject
    @ConfigProperty(name = "custodian.gba-harness", defaultValue = "false")
    boolean gbaHarness;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = tokens.active(token(request.getHeaderString(HttpHeaders.AUTHORIZATION)))
                .orElseThrow(
                        () -> BearerError.INVALID_TOKEN.because("the access token is unknown, expired or revoked"));
        request.setProperty(Observation.CLIENT_ID, caller.clientId());
        String[] needed = required();
        // An empty list means any valid token will do.
        if (needed.length > 0 && Arrays.stream(needed).noneMatch(caller.scopes()::contains)) {
            throw BearerError.INSUFFICIENT_SCOPE.because(
                    "this resource needs a token with scope " + String.join(" or ", needed) + "; this one has "
                            + caller.scope(),
                    String.join(" ", needed));
        }
        Set<TokenClass> accepted = accepted(), held = TokenClass.of(caller);
        if (!accepted.isEmpty() && Collections.disjoint(accepted, held)) {
            // RFC 6750 §3.1: a valid token without the privileges the resource needs.
            throw BearerError.INSUFFICIENT_SCOPE.because("this resource answers " + words(accepted)
                    + " tokens; this one is " + (held.isEmpty() ? "none of those" : words(held)));
        }
        current.accept(caller);
        // What the customer's Connected apps page shows as "last read": a read of the customer's data.
        if (caller.authorization().customerId() != null && "GET".equals(request.getMethod()))
            lastReads.read(caller.authorizationId());
    }

    /** The bearer token of this Authorization header (RFC 6750 §2.1), or the refusal for a header without one. */
    private String token(String header) {
        if (gbaHarness && header != null && header.isBlank()) {
            throw BearerError.HEADER_BLANK.because("the Authorization header is blank");
        }
        if (header == null
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank()) {
            throw BearerError.TOKEN_MISSING.because(
                    "a bearer token is required in the Authorization header (get one from /oauth/token)");
        }
        return header.substring(7).trim();
    }

    private Set<TokenClass> accepted() {
        AcceptsTokens onMethod = resource.getResourceMethod().getAnnotation(AcceptsTokens.class);
        AcceptsTokens found =
                onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(AcceptsTokens.class);
        return found == null ? Set.of() : EnumSet.copyOf(Arrays.asList(found.value()));
    }

    private static String words(Set<TokenClass> classes) {
        return classes.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
    }

    private String[] required() {
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return (onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class)).value();
    }
}
