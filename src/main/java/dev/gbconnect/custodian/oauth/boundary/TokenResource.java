package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.control.AuthorizationUris;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.oauth.control.GrantDispatcher;
import dev.gbconnect.custodian.oauth.control.OAuthParameters;
import dev.gbconnect.custodian.oauth.control.TokenRequest;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.OAuthError;
import dev.gbconnect.custodian.platform.Observation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token endpoint (RFC 6749 §3.2): {@link GrantDispatcher} makes the guards and picks the grant. Form-encoded
 * bodies, and JSON bodies as several utility APIs accept; errors are {@link OAuthError}s. One transaction per
 * request. Application-scoped, with the request's parts as parameters: a request-scoped resource cost a CDI instance, its injection and its interceptor chain
 * on every grant (a tenth to a seventh of a client_credentials grant's CPU).
 */
@Path("oauth/token")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    Clients clients;

    @Inject
    GrantDispatcher grants;

    /**
     * Documented deviation, off by default: GBA's test harness sends token parameters in the query string (OA-09).
     */
    @Inject
    @ConfigProperty(name = "custodian.gba-harness", defaultValue = "false")
    boolean gbaHarness;

    /** RFC 6749 §5.1 plus the ESPI members naming what the token opens. */
    @JsonbPropertyOrder({
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
        "resourceURI",
        "authorizationURI",
        "customerResourceURI"
    })
    public record TokenResponse(
            @JsonbProperty("access_token") String accessToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn,
            @JsonbProperty("refresh_token") String refreshToken,
            String scope,
            String resourceURI,
            String authorizationURI,
            String customerResourceURI) {}

    /**
     * The body as bytes, read by {@link OAuthParameters} rather than by a JAX-RS reader: a missing, empty or
     * mislabelled body, a bad escape or broken UTF-8 each get their RFC 6749 §5.2 answer, never a 5xx.
     */
    @POST
    @Transactional
    public Response post(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri,
            @Context HttpServletRequest http) {
        Map<String, List<String>> parameters =
                OAuthParameters.post(contentType, body, uri.getRequestUri().getRawQuery(), true, gbaHarness);
        return token(grants.grant(observed(parameters, authorization, http)), uri);
    }

    /**
     * Reads the request and leaves its grant type and client id for /metrics and the access log
     * ({@link Observation}), both before the client authenticates, so that a refusal is counted under its grant type.
     */
    private static TokenRequest.Presented observed(
            Map<String, List<String>> parameters, String authorization, HttpServletRequest http) {
        List<String> grantType = parameters.get("grant_type");
        if (grantType != null && !grantType.isEmpty()) http.setAttribute(Observation.GRANT_TYPE, grantType.get(0));
        TokenRequest.Presented presented = TokenRequest.read(parameters, authorization);
        http.setAttribute(Observation.CLIENT_ID, presented.clientId());
        return presented;
    }

    @GET
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        throw TokenRequest.refuseGet(
                OAuthParameters.get(uri.getRequestUri().getRawQuery(), gbaHarness), authorization, clients);
    }

    private Response token(Tokens.Issued issued, UriInfo uri) {
        Authorization a = issued.authorization();
        EspiUris uris = EspiUris.of(uri);
        TokenResponse body = new TokenResponse(
                issued.accessToken(),
                "Bearer",
                issued.expiresIn(),
                issued.refreshToken(),
                issued.scope(),
                AuthorizationUris.resourceOf(uris, a),
                AuthorizationUris.authorization(uris, a),
                AuthorizationUris.customerResourceOf(uris, a));
        // RFC 6749 §5.1: token responses must not be cached.
        return Response.ok(body)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
