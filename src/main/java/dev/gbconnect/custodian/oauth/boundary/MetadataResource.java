package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.oauth.control.Scopes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * RFC 8414 authorization server metadata, listing exactly what this server supports today; each OAuth slice adds
 * its grant here. {@code response_types_supported} is empty until the authorization endpoint exists.
 */
@Path(".well-known/oauth-authorization-server")
public class MetadataResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject metadata(@Context UriInfo uri) {
        String issuer = uri.getBaseUri().toString().replaceAll("/$", "");
        JsonArray clientAuthentication = Json.createArrayBuilder().add("client_secret_basic").add("client_secret_post").build();
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("token_endpoint", issuer + "/oauth/token")
                .add("revocation_endpoint", issuer + "/oauth/revoke")
                .add("introspection_endpoint", issuer + "/oauth/introspect")
                .add("grant_types_supported", Json.createArrayBuilder().add("client_credentials"))
                .add("response_types_supported", Json.createArrayBuilder())
                .add("token_endpoint_auth_methods_supported", clientAuthentication)
                .add("revocation_endpoint_auth_methods_supported", clientAuthentication)
                .add("introspection_endpoint_auth_methods_supported", clientAuthentication)
                .add("scopes_supported", Json.createArrayBuilder().add(Scopes.DATA_CUSTODIAN_ADMIN).add(Scopes.UPLOAD_ADMIN))
                .build();
    }
}
