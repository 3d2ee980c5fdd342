package dev.gbconnect.custodian.oauth.boundary;

import static dev.gbconnect.custodian.testsupport.OAuthAnswers.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Shared;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token endpoint and the bearer check, over HTTP, to the letter of RFC 6749 and RFC 6750. */
@ExtendWith(ArquillianExtension.class)
class TokenIT {

    private static final String ADMIN_BASIC = Api.basic(Api.IT_ADMIN, Api.IT_SECRET);
    private static final String FORM = "application/x-www-form-urlencoded", JSON = "application/json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL base;

    Api anonymous() throws Exception {
        return Api.withAuthorization(base.toURI(), null);
    }

    @Test
    void clientCredentialsWhenBasicThenBearerTokenThatOpensTheAdminApi() throws Exception {
        Api.Reply r = anonymous().token(ADMIN_BASIC, "grant_type=client_credentials");

        assertEquals(200, r.status(), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals("no-cache", r.header("Pragma"));
        JsonObject token = r.json();
        assertEquals("Bearer", token.getString("token_type"));
        assertEquals(3600, token.getInt("expires_in"));
        assertEquals("DataCustodian_Admin_Access", token.getString("scope"));
        assertFalse(token.containsKey("refresh_token"), "client_credentials issues no refresh token");
        String access = token.getString("access_token");
        assertTrue(access.matches("[A-Za-z0-9_-]{43,}"), "256 bits, base64url: " + access);

        assertEquals(
                200,
                Api.withAuthorization(base.toURI(), "Bearer " + access)
                        .get("admin/customers")
                        .status());
        assertEquals(
                401,
                anonymous().get("admin/customers?access_token=" + access).status(),
                "tokens only in the Authorization header");
    }

    @Test
    void clientCredentialsWhenSecretInFormOrJsonBodyThenTokenToo() throws Exception {
        Api.Reply form = anonymous()
                .token(
                        null,
                        "grant_type=client_credentials&client_id=" + Api.IT_ADMIN + "&client_secret=" + Api.IT_SECRET
                                + "&scope=Upload_Admin_Access");
        assertEquals(200, form.status(), form.body());
        assertEquals("Upload_Admin_Access", form.json().getString("scope"));

        Api.Reply json = anonymous()
                .postJson(
                        "oauth/token",
                        "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + Api.IT_ADMIN
                                + "\",\"client_secret\":\"" + Api.IT_SECRET + "\"}");
        assertEquals(200, json.status(), json.body());
        assertEquals("Bearer", json.json().getString("token_type"));
    }

    @Test
    void tokenRequestWhenClientNotAuthenticatedThen401InvalidClientWithChallenge() throws Exception {
        for (String[] attempt : new String[][] {
            {Api.basic(Api.IT_ADMIN, "wrong-secret"), "grant_type=client_credentials"},
            {Api.basic("nobody", Api.IT_SECRET), "grant_type=client_credentials"},
            {null, "grant_type=client_credentials&client_id=" + Api.IT_ADMIN + "&client_secret=wrong-secret"},
            {null, "grant_type=client_credentials&client_id=" + Api.IT_ADMIN},
            {"Bearer something", "grant_type=client_credentials"}
        }) {
            Api.Reply r = anonymous().token(attempt[0], attempt[1]);
            assertError(r, 401, "invalid_client");
            assertEquals("Basic realm=\"custodian\"", r.header("WWW-Authenticate"));
        }
    }

    @Test
    void tokenRequestWhenMalformedThen400WithTheRfcErrorCode() throws Exception {
        assertError(
                anonymous().token(ADMIN_BASIC, "grant_type=client_credentials&client_secret=" + Api.IT_SECRET),
                400,
                "invalid_request");
        assertError(
                anonymous().token(ADMIN_BASIC, "grant_type=client_credentials&grant_type=client_credentials"),
                400,
                "invalid_request");
        assertError(anonymous().token(ADMIN_BASIC, "scope=DataCustodian_Admin_Access"), 400, "invalid_request");
        assertError(anonymous().token(ADMIN_BASIC, "grant_type=urn:example:unknown"), 400, "unsupported_grant_type");
        assertError(
                anonymous().token(ADMIN_BASIC, "grant_type=client_credentials&scope=FB=1_3_4_5_13_14_39"),
                400,
                "invalid_scope");
    }

    @Test
    void bearerWhenScopeDoesNotCoverTheResourceThen403InsufficientScope() throws Exception {
        String uploadOnly = anonymous()
                .token(ADMIN_BASIC, "grant_type=client_credentials&scope=Upload_Admin_Access")
                .json()
                .getString("access_token");

        Api.Reply r =
                Api.withAuthorization(base.toURI(), "Bearer " + uploadOnly).get("admin/customers");

        assertEquals(403, r.status(), r.body());
        assertEquals("insufficient_scope", r.json().getString("error"));
        assertTrue(r.header("WWW-Authenticate").contains("error=\"insufficient_scope\""), r.header("WWW-Authenticate"));
        assertTrue(
                r.header("WWW-Authenticate").contains("scope=\"DataCustodian_Admin_Access\""),
                r.header("WWW-Authenticate"));
    }

    @Test
    void bearerWhenTokenUnknownThen401InvalidToken() throws Exception {
        Api.Reply r = Api.withAuthorization(base.toURI(), "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .get("admin/customers");

        assertEquals(401, r.status(), r.body());
        assertEquals("Bearer realm=\"custodian\", error=\"invalid_token\"", r.header("WWW-Authenticate"));
    }

    @Test
    void introspectAndRevokeWhenClientAuthenticatedThenTokenEndsAtOnce() throws Exception {
        String access = anonymous()
                .token(ADMIN_BASIC, "grant_type=client_credentials")
                .json()
                .getString("access_token");

        Api.Reply active = anonymous().postForm("oauth/introspect", ADMIN_BASIC, "token=" + access);
        assertEquals(200, active.status(), active.body());
        assertEquals(true, active.json().getBoolean("active"));
        assertEquals("DataCustodian_Admin_Access", active.json().getString("scope"));
        assertEquals(Api.IT_ADMIN, active.json().getString("client_id"));
        assertTrue(active.json().getJsonNumber("exp").longValue()
                > active.json().getJsonNumber("iat").longValue());
        assertEquals(
                401,
                anonymous()
                        .postForm("oauth/introspect", null, "token=" + access)
                        .status(),
                "introspection is for authenticated clients");

        assertEquals(
                200,
                anonymous()
                        .postForm("oauth/revoke", ADMIN_BASIC, "token=" + access + "&token_type_hint=access_token")
                        .status());
        assertEquals(
                false,
                anonymous()
                        .postForm("oauth/introspect", ADMIN_BASIC, "token=" + access)
                        .json()
                        .getBoolean("active"));
        assertEquals(
                401,
                Api.withAuthorization(base.toURI(), "Bearer " + access)
                        .get("admin/customers")
                        .status(),
                "revoked means refused");
        assertEquals(
                200,
                anonymous()
                        .postForm("oauth/revoke", ADMIN_BASIC, "token=never-issued")
                        .status(),
                "RFC 7009: unknown tokens are not an error");
    }

    /** custodian.max-form-bytes (64 KiB): refused before any reader parses the body, announced or chunked. */
    @Test
    void bodyWhenOverTheLimitThen413InTheShapeOfItsProtocol() throws Exception {
        byte[] form = ("grant_type=client_credentials&pad=" + "a".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        byte[] json = ("{\"client_name\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String bearer = new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET).authorization();
        for (boolean chunked : new boolean[] {false, true}) {
            String how = chunked ? " (chunked)" : " (Content-Length)";
            for (String path : new String[] {"oauth/token", "oauth/revoke", "oauth/introspect"}) {
                assertError(
                        anonymous().raw("POST", path, ADMIN_BASIC, FORM, form, chunked),
                        413,
                        "invalid_request",
                        path + how);
            }
            assertError(
                    anonymous().raw("POST", "oauth/register", bearer, JSON, json, chunked),
                    413,
                    "invalid_request",
                    "registration" + how);

            Api.Reply admin = anonymous().raw("POST", "admin/customers", bearer, JSON, json, chunked);
            assertEquals(413, admin.status(), "admin JSON" + how + ": " + admin.body());
            assertEquals("request_too_large", admin.json().getString("error"));
            assertTrue(admin.json().getString("message").contains("custodian.max-form-bytes"), admin.body());

            for (String page : new String[] {"portal/sign-in", "oauth/authorize/sign-in"}) {
                Api.Reply r = anonymous().raw("POST", page, null, FORM, form, chunked);
                assertEquals(413, r.status(), page + how + ": " + r.body());
                assertTrue(r.header("Content-Type").startsWith("text/html"), page + ": a person gets a page");
            }
        }
    }

    @Test
    void bodyWhenExactlyAtTheLimitThenRead() throws Exception {
        String start = "grant_type=client_credentials&pad=";
        String form = start + "a".repeat(65_536 - start.length());

        Api.Reply r = anonymous().token(ADMIN_BASIC, form);

        assertEquals(200, r.status(), r.body());
    }

    @Test
    void metadataListsExactlyWhatIsSupported() throws Exception {
        JsonObject m = anonymous().get(".well-known/oauth-authorization-server").json();

        assertEquals(m.getString("issuer") + "/oauth/token", m.getString("token_endpoint"));
        assertEquals(m.getString("issuer") + "/oauth/revoke", m.getString("revocation_endpoint"));
        assertEquals(m.getString("issuer") + "/oauth/introspect", m.getString("introspection_endpoint"));
        assertEquals(m.getString("issuer") + "/oauth/authorize", m.getString("authorization_endpoint"));
        assertEquals(m.getString("issuer") + "/oauth/register", m.getString("registration_endpoint"));
        assertEquals(
                List.of("authorization_code", "refresh_token", "client_credentials", "password"),
                m.getJsonArray("grant_types_supported").getValuesAs(JsonString::getString));
        assertEquals(List.of("code"), m.getJsonArray("response_types_supported").getValuesAs(JsonString::getString));
        assertEquals(
                List.of("S256"),
                m.getJsonArray("code_challenge_methods_supported").getValuesAs(JsonString::getString));
        assertEquals(
                List.of("client_secret_basic", "client_secret_post", "none"),
                m.getJsonArray("token_endpoint_auth_methods_supported").getValuesAs(JsonString::getString));
        assertEquals(
                List.of("DataCustodian_Admin_Access", "Upload_Admin_Access", "ThirdParty_Admin_Access", "FB=36_40"),
                m.getJsonArray("scopes_supported").getValuesAs(JsonString::getString));
    }
}
