package dev.gbconnect.custodian.oauth.boundary;

import static dev.gbconnect.custodian.platform.JsonFactories.BUILDERS;

import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.json.JsonArrayBuilder;
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

    /** How a client authenticates at the token and revocation endpoints; {@code none} for a public client. */
    private static final String[] CLIENT_AUTHENTICATION = {"client_secret_basic", "client_secret_post", "none"};

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
                        list("authorization_code", "refresh_token", "client_credentials", "password"))
                .add("response_types_supported", list("code"))
                .add("response_modes_supported", list("query"))
                .add("code_challenge_methods_supported", list("S256"))
                .add("token_endpoint_auth_methods_supported", list(CLIENT_AUTHENTICATION))
                .add("revocation_endpoint_auth_methods_supported", list(CLIENT_AUTHENTICATION))
                .add("introspection_endpoint_auth_methods_supported", list("client_secret_basic", "client_secret_post"))
                .add(
                        "scopes_supported",
                        list(
                                Scopes.DATA_CUSTODIAN_ADMIN,
                                Scopes.UPLOAD_ADMIN,
                                Scopes.THIRD_PARTY_ADMIN,
                                Scopes.REGISTRATION))
                // RFC 9207: the authorization response names its issuer, against mix-up attacks.
                .add("authorization_response_iss_parameter_supported", true)
                .build();
    }

    private static JsonArrayBuilder list(String... values) {
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        for (String v : values) array.add(v);
        return array;
    }

    /** The server's identifier: its base URL without the trailing slash. */
    public static String issuer(UriInfo uri) {
        return PublicUrl.base(uri).toString().replaceAll("/$", "");
    }
}
