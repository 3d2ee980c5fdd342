package dev.gbconnect.custodian.conformance;

import static dev.gbconnect.custodian.testsupport.OAuthAnswers.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GBA CMD certification, the token, revocation and introspection endpoints with {@code custodian.gba-harness} off
 * (GREEN-BUTTON-CMD.md A3 OA-09, OA-13, A7 ER-06): whatever a client sends, the answer is RFC 6749 §5.2's, 401
 * {@code invalid_client} with the Basic challenge when the client does not authenticate, otherwise 400 (or 413,
 * 415) with {@code error} and {@code error_description}, never cached, never a 5xx. Harness mode:
 * ClientAuthenticationConformanceIT.
 */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class TokenEndpointConformanceIT {

    private static final String FORM = "application/x-www-form-urlencoded", JSON = "application/json";
    private static final String ADMIN = Api.basic(Api.IT_ADMIN, Api.IT_SECRET);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL base;

    private Api anonymous() throws Exception {
        return Api.withAuthorization(base.toURI(), null);
    }

    private Api.Reply send(String method, String path, String authorization, String contentType, String body)
            throws Exception {
        return anonymous()
                .raw(
                        method,
                        path,
                        authorization,
                        contentType,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        false);
    }

    @Test
    void ER06_tokenWhenNoBodyOrNoContentTypeThen401Or400NeverA5xx() throws Exception {
        assertError(send("POST", "oauth/token", null, null, null), 401, "invalid_client", "no body, no client");
        assertError(send("POST", "oauth/token", ADMIN, null, null), 400, "invalid_request", "no body");
        assertError(send("POST", "oauth/token", ADMIN, FORM, ""), 400, "invalid_request", "empty form");
        assertError(send("POST", "oauth/token", ADMIN, JSON, ""), 400, "invalid_request", "empty JSON body");
        assertError(
                send("POST", "oauth/token", ADMIN, null, "grant_type=client_credentials"),
                415,
                "invalid_request",
                "a body without Content-Type");
    }

    @Test
    void ER06_tokenWhenNotAFormThen415InTheRfcShape() throws Exception {
        assertError(
                send("POST", "oauth/token", ADMIN, "text/plain", "grant_type=client_credentials"),
                415,
                "invalid_request",
                "text/plain");
        assertError(
                send("POST", "oauth/token", ADMIN, "application/xml", "<grant_type/>"), 415, "invalid_request", "XML");
    }

    @Test
    void ER06_tokenWhenParametersOnlyInTheQueryThen400OutsideHarnessMode() throws Exception {
        assertError(
                send(
                        "POST",
                        "oauth/token?grant_type=client_credentials&client_id=" + Api.IT_ADMIN + "&client_secret="
                                + Api.IT_SECRET,
                        null,
                        FORM,
                        ""),
                400,
                "invalid_request",
                "credentials in the URL");
    }

    @Test
    void ER06_tokenWhenParameterRepeatedOrBadlyEncodedThen400InvalidRequest() throws Exception {
        for (String body : new String[] {
            "grant_type=client_credentials&grant_type=client_credentials",
            "grant_type=client_credentials&scope=%ZZ",
            "grant_type=client_credentials&scope=%4",
        }) {
            assertError(send("POST", "oauth/token", ADMIN, FORM, body), 400, "invalid_request", body);
        }
        byte[] notUtf8 = "grant_type=client_credentials&scope=\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        assertError(
                anonymous().raw("POST", "oauth/token", ADMIN, FORM, notUtf8, false),
                400,
                "invalid_request",
                "a byte that is not UTF-8");
        assertError(
                send("POST", "oauth/token", ADMIN, FORM, "grant_type=client_credentials&scope=%FF"),
                400,
                "invalid_request",
                "an escape that is not UTF-8");
    }

    @Test
    void ER06_tokenWhenJsonIsNotAnObjectOfStringsThen400InvalidRequest() throws Exception {
        for (String body : new String[] {
            "[\"grant_type\"]",
            "{\"grant_type\":1}",
            "{\"grant_type\":\"client_credentials\",\"grant_type\":\"client_credentials\"}",
            "{\"grant_type\":\"client_credentials\"",
            "{\"grant_type\":\"client_credentials\"} {}",
            "\"client_credentials\"",
        }) {
            assertError(send("POST", "oauth/token", ADMIN, JSON, body), 400, "invalid_request", body);
        }
    }

    @Test
    void ER06_revokeAndIntrospectWhenMalformedThenTheTokenEndpointsAnswers() throws Exception {
        for (String path : new String[] {"oauth/revoke", "oauth/introspect"}) {
            assertError(send("POST", path, null, null, null), 401, "invalid_client", path + " without anything");
            assertError(send("POST", path, ADMIN, null, null), 400, "invalid_request", path + " without a token");
            assertError(send("POST", path, ADMIN, JSON, "{\"token\":\"t\"}"), 415, "invalid_request", path + " JSON");
            assertError(send("POST", path, ADMIN, "text/plain", "token=t"), 415, "invalid_request", path + " text");
            assertError(send("POST", path, ADMIN, FORM, "token=a&token=b"), 400, "invalid_request", path + " twice");
            assertError(send("POST", path, ADMIN, FORM, "token=%G0"), 400, "invalid_request", path + " escape");
            assertError(send("POST", path + "?token=t", ADMIN, FORM, ""), 400, "invalid_request", path + " query");
        }
    }

    @Test
    void ER06_tokenEndpointsWhenOtherMethodThen405InTheRfcShape() throws Exception {
        for (String path : new String[] {"oauth/token", "oauth/revoke", "oauth/introspect"}) {
            Api.Reply r = send("PUT", path, ADMIN, FORM, "grant_type=client_credentials");
            assertEquals(405, r.status(), path + ": " + r.body());
            assertEquals("invalid_request", r.json().getString("error"), r.body());
            assertEquals("no-store", r.header("Cache-Control"));
        }
    }

    /** OA-13: the client_credentials grant without grant_type, or for a scope the client did not register. */
    @Test
    void OA13_clientCredentialsWithoutGrantTypeOrWithAScopeNotRegisteredIs400() throws Exception {
        ThirdParties.Registered app = ThirdParties.notified(
                new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET), "OA13 app", ThirdParties.NOTIFY);
        assertError(
                send("POST", "oauth/token", app.basic(), FORM, "scope=ThirdParty_Admin_Access"),
                400,
                "invalid_request",
                "no grant_type");
        assertError(
                send("POST", "oauth/token", app.basic(), FORM, "grant_type=client_credentials&scope=FB%3Dread%2Fwrite"),
                400,
                "invalid_scope",
                "FB=read/write");
        assertEquals(
                200,
                send(
                                "POST",
                                "oauth/token",
                                app.basic(),
                                FORM,
                                "grant_type=client_credentials&scope=ThirdParty_Admin_Access")
                        .status());
    }

    /** OA-09: GBA's harness sends its negative cases as GET, expecting 401 or 400 (not 405), and never a token. */
    @Test
    void OA09_tokenEndpointsWhenGetThen401WithoutClientAnd400WithIt() throws Exception {
        ThirdParties.Registered app = ThirdParties.notified(
                new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET), "GET prober", ThirdParties.NOTIFY);
        for (String path : new String[] {"oauth/token", "oauth/revoke", "oauth/introspect"}) {
            assertError(send("GET", path, null, null, null), 401, "invalid_client", "GET " + path);
            assertError(
                    send("GET", path + "?grant_type=client_credentials", Api.basic(app.id(), "wrong"), null, null),
                    401,
                    "invalid_client",
                    "GET " + path + " with a wrong secret");
            assertError(
                    send("GET", path + "?grant_type=client_credentials", app.basic(), null, null),
                    400,
                    "invalid_request",
                    "GET " + path + " with the right secret");
        }
    }
}
