package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.control.AuthorizationUris;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.oauth.control.Grant;
import dev.gbconnect.custodian.oauth.control.TokenRequest;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token endpoint (RFC 6749 §3.2): guards, then one {@link Grant} per grant type. Form-encoded bodies, and
 * JSON bodies as several utility APIs accept. One transaction per request. Application-scoped, with the request's
 * parts as parameters: a request-scoped resource cost a CDI instance, its injection and its interceptor chain
 * on every grant (a tenth to a seventh of a client_credentials grant's CPU).
 */
@Path("oauth/token")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    Clients clients;

    @Inject
    @Any
    Instance<Grant> grantBeans;

    private Map<String, Grant> grants;

    /** Documented deviation, off by default: GBA's test harness sends token parameters in the query string. */
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

    @PostConstruct
    void index() {
        grants = grantBeans.stream().collect(Collectors.toUnmodifiableMap(Grant::type, g -> g));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response form(
            MultivaluedMap<String, String> form,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        if (!gbaHarness) return token(form, authorization, uri);
        Map<String, List<String>> parameters = new LinkedHashMap<>(uri.getQueryParameters());
        parameters.putAll(form);
        return token(parameters, authorization, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response json(
            JsonObject body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (!(value instanceof JsonString text))
                throw TokenRequest.invalidRequest("parameter " + name + " must be a JSON string");
            parameters.put(name, List.of(text.getString()));
        });
        return token(parameters, authorization, uri);
    }

    private Response token(Map<String, List<String>> parameters, String authorization, UriInfo uri) {
        TokenRequest request = TokenRequest.authenticate(parameters, authorization, clients);
        String type = request.required("grant_type");
        Grant grant = grants.get(type);
        if (grant == null)
            throw ApiException.oauth(
                    Response.Status.BAD_REQUEST,
                    "unsupported_grant_type",
                    "grant_type " + type + " is not supported here");
        Tokens.Issued issued = grant.grant(request);
        Authorization a = issued.authorization();
        EspiUris uris = EspiUris.of(uri);
        // ESPI 4.0 names customerResourceURI for customer grants; it stays empty until customer (PII) resources exist.
        TokenResponse body = new TokenResponse(
                issued.accessToken(),
                "Bearer",
                issued.expiresIn(),
                issued.refreshToken(),
                issued.scope(),
                AuthorizationUris.resourceOf(uris, a),
                AuthorizationUris.authorization(uris, a),
                a.customerId() == null ? null : "");
        // RFC 6749 §5.1: token responses must not be cached.
        return Response.ok(body)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
