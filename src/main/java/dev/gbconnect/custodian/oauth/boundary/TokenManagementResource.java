package dev.gbconnect.custodian.oauth.boundary;

import static dev.gbconnect.custodian.platform.JsonFactories.BUILDERS;

import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.oauth.control.OAuthParameters;
import dev.gbconnect.custodian.oauth.control.TokenRequest;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.OAuthError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Revocation (RFC 7009) and introspection (RFC 7662), both for authenticated clients, with the token endpoint's
 * reading of parameters and its errors. A third party introspects only its own tokens; the admin client any.
 */
@Path("oauth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenManagementResource {

    @Inject
    Clients clients;

    @Inject
    Tokens tokens;

    /** As at the token endpoint: GBA's harness may send parameters in the query string (OA-09). */
    @Inject
    @ConfigProperty(name = "custodian.gba-harness", defaultValue = "false")
    boolean gbaHarness;

    @Context
    UriInfo uri;

    @POST
    @Path("revoke")
    @Transactional
    public Response revoke(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        TokenRequest request = authenticated(body, contentType, authorization);
        tokens.revoke(request.required("token"), request.clientId());
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("introspect")
    public Response introspect(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        TokenRequest request = authenticated(body, contentType, authorization);
        if (request.client().isPublic()) {
            throw OAuthError.INVALID_CLIENT.because("introspection is for confidential clients");
        }
        // RFC 7662 §2.2: a token the client may not introspect is answered as inactive, like an unknown one.
        JsonObject answer = tokens.active(request.required("token"))
                .filter(t -> Caller.mayManage(request.client(), t.clientId()))
                .map(TokenManagementResource::describe)
                .orElse(BUILDERS.createObjectBuilder().add("active", false).build());
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }

    private static JsonObject describe(Caller t) {
        return BUILDERS.createObjectBuilder()
                .add("active", true)
                .add("scope", t.scope())
                .add("client_id", t.clientId())
                .add("token_type", "Bearer")
                .add("iat", t.issuedAt().getEpochSecond())
                .add("exp", t.expiresAt().getEpochSecond())
                .build();
    }

    @GET
    @Path("revoke")
    public Response revokeByGet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        throw refused(authorization);
    }

    @GET
    @Path("introspect")
    public Response introspectByGet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        throw refused(authorization);
    }

    private RuntimeException refused(String authorization) {
        return TokenRequest.refuseGet(
                OAuthParameters.get(uri.getRequestUri().getRawQuery(), gbaHarness), authorization, clients);
    }

    private TokenRequest authenticated(byte[] body, String contentType, String authorization) {
        return TokenRequest.authenticate(
                OAuthParameters.post(contentType, body, uri.getRequestUri().getRawQuery(), false, gbaHarness),
                authorization,
                clients);
    }
}
