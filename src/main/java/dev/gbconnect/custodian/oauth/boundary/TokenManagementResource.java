package dev.gbconnect.custodian.oauth.boundary;

import static dev.gbconnect.custodian.platform.JsonFactories.BUILDERS;

import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.oauth.control.TokenRequest;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Revocation (RFC 7009) and introspection (RFC 7662), both for authenticated clients. A third party introspects
 * only its own tokens; the admin client any.
 */
@Path("oauth")
@RequestScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class TokenManagementResource {

    @Inject
    Clients clients;

    @Inject
    Tokens tokens;

    @POST
    @Path("revoke")
    @Transactional
    public Response revoke(
            MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        TokenRequest request = TokenRequest.authenticate(form, authorization, clients);
        tokens.revoke(token(request), request.clientId());
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("introspect")
    public Response introspect(
            MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        TokenRequest request = TokenRequest.authenticate(form, authorization, clients);
        if (request.client().isPublic()) {
            throw ApiException.oauth(
                    Response.Status.UNAUTHORIZED, "invalid_client", "introspection is for confidential clients");
        }
        boolean admin = request.client().kind() == Client.Kind.ADMIN;
        JsonObject body = tokens.active(token(request))
                .filter(c -> admin || c.clientId().equals(request.clientId()))
                .map(TokenManagementResource::describe)
                .orElse(BUILDERS.createObjectBuilder().add("active", false).build());
        return Response.ok(body).header("Cache-Control", "no-store").build();
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

    private static String token(TokenRequest request) {
        String token = request.parameter("token");
        if (token == null)
            throw ApiException.oauth(Response.Status.BAD_REQUEST, "invalid_request", "token is required");
        return token;
    }
}
