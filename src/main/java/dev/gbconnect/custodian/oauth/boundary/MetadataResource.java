package dev.gbconnect.custodian.oauth.boundary;

import static dev.gbconnect.custodian.platform.JsonFactories.BUILDERS;

import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * RFC 8414 authorization server metadata, listing exactly what this server supports; each OAuth slice adds to
 * it. Third parties' ESPI scopes are per client (in their registration), so only the fixed ones are listed.
 */
@Path(".well-known/oauth-authorization-server")
public class MetadataResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject metadata(@Context UriInfo uri) {
        String issuer = issuer(uri);
        return BUILDERS.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/oauth/authorize")
                .add("token_endpoint", issuer + "/oauth/token")
                .add("revocation_endpoint", issuer + "/oauth/revoke")
                .add("introspection_endpoint", issuer + "/oauth/introspect")
                .add("registration_endpoint", issuer + "/oauth/register")
                .add(
                        "grant_types_supported",
                        BUILDERS.createArrayBuilder()
                                .add("authorization_code")
                                .add("refresh_token")
                                .add("client_credentials")
                                .add("password"))
                .add("response_types_supported", BUILDERS.createArrayBuilder().add("code"))
                .add("response_modes_supported", BUILDERS.createArrayBuilder().add("query"))
                .add(
                        "code_challenge_methods_supported",
                        BUILDERS.createArrayBuilder().add("S256"))
                .add(
                        "token_endpoint_auth_methods_supported",
                        BUILDERS.createArrayBuilder()
                                .add("client_secret_basic")
                                .add("client_secret_post")
                                .add("none"))
                .add(
                        "revocation_endpoint_auth_methods_supported",
                        BUILDERS.createArrayBuilder()
                                .add("client_secret_basic")
                                .add("client_secret_post")
                                .add("none"))
                .add(
                        "introspection_endpoint_auth_methods_supported",
                        BUILDERS.createArrayBuilder().add("client_secret_basic").add("client_secret_post"))
                .add(
                        "scopes_supported",
                        BUILDERS.createArrayBuilder()
                                .add(Scopes.DATA_CUSTODIAN_ADMIN)
                                .add(Scopes.UPLOAD_ADMIN)
                                .add(Scopes.THIRD_PARTY_ADMIN)
                                .add(Scopes.REGISTRATION))
                // RFC 9207: the authorization response names its issuer, against mix-up attacks.
                .add("authorization_response_iss_parameter_supported", true)
                .build();
    }

    /** The server's identifier: its base URL without the trailing slash. */
    public static String issuer(UriInfo uri) {
        return PublicUrl.base(uri).toString().replaceAll("/$", "");
    }
}
