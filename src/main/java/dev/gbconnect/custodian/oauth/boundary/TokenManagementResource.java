package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.admin.AdminClients;
import dev.gbconnect.custodian.oauth.control.TokenRequest;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.oauth.entity.AccessToken;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Revocation (RFC 7009) and introspection (RFC 7662), both for authenticated clients. */
@Path("oauth")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class TokenManagementResource {

    @Inject
    AdminClients clients;

    @Inject
    Tokens tokens;

    @POST
    @Path("revoke")
    public Response revoke(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        TokenRequest request = TokenRequest.authenticate(form, authorization, clients::verify);
        tokens.revoke(token(request), request.clientId());
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("introspect")
    public Response introspect(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        TokenRequest request = TokenRequest.authenticate(form, authorization, clients::verify);
        JsonObject body = tokens.active(token(request)).map(TokenManagementResource::describe)
                .orElse(Json.createObjectBuilder().add("active", false).build());
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    private static JsonObject describe(AccessToken t) {
        return Json.createObjectBuilder().add("active", true).add("scope", t.scope()).add("client_id", t.clientId())
                .add("token_type", "Bearer").add("iat", t.issuedAt().getEpochSecond()).add("exp", t.expiresAt().getEpochSecond()).build();
    }

    private static String token(TokenRequest request) {
        String token = request.parameter("token");
        if (token == null) throw ApiException.oauth(Response.Status.BAD_REQUEST, "invalid_request", "token is required");
        return token;
    }
}
