package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.admin.AdminClients;
import dev.gbconnect.custodian.oauth.control.Grant;
import dev.gbconnect.custodian.oauth.control.TokenRequest;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The token endpoint (RFC 6749 §3.2): form-encoded bodies, and JSON bodies as several utility APIs accept. */
@Path("oauth/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    AdminClients clients;

    @Inject
    @Any
    Instance<Grant> grants;

    @JsonbPropertyOrder({"access_token", "token_type", "expires_in", "scope"})
    public record TokenResponse(@JsonbProperty("access_token") String accessToken, @JsonbProperty("token_type") String tokenType,
                                @JsonbProperty("expires_in") long expiresIn, String scope) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return token(form, authorization);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response json(JsonObject body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (!(value instanceof JsonString text)) {
                throw ApiException.oauth(Response.Status.BAD_REQUEST, "invalid_request", "parameter " + name + " must be a JSON string");
            }
            parameters.put(name, List.of(text.getString()));
        });
        return token(parameters, authorization);
    }

    private Response token(Map<String, List<String>> parameters, String authorization) {
        TokenRequest request = TokenRequest.authenticate(parameters, authorization, clients::verify);
        String type = request.parameter("grant_type");
        if (type == null) throw ApiException.oauth(Response.Status.BAD_REQUEST, "invalid_request", "grant_type is required");
        Grant grant = grants.stream().filter(g -> g.type().equals(type)).findFirst().orElseThrow(() ->
                ApiException.oauth(Response.Status.BAD_REQUEST, "unsupported_grant_type", "grant_type " + type + " is not supported here"));
        Tokens.Issued issued = grant.grant(request);
        return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresIn(), issued.scope()))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
