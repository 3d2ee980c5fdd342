package dev.gbconnect.custodian.oauth.boundary;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The password grant for large customers' scripts, and the brute-force brakes behind every password. */
@ExtendWith(ArquillianExtension.class)
class PasswordGrantIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    URI base;
    Api admin;
    ThirdParties.Registered script;
    String username, customerId;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        script = ThirdParties.register(
                admin,
                "{\"client_name\":\"Plant energy script\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"grant_types\":[\"password\",\"refresh_token\",\"client_credentials\"],"
                        + "\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY + "\",\"scopes\":[\""
                        + ThirdParties.SCOPE + "\"]}");
        username = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        customerId = admin.newCustomer(username);
        assertEquals(
                201,
                admin.upload(customerId, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
    }

    Api.Reply password(ThirdParties.Registered client, String user, String password) {
        return Api.withAuthorization(base, null)
                .token(client.basic(), "grant_type=password&username=" + enc(user) + "&password=" + enc(password));
    }

    @Test
    void passwordWhenClientEnabledThenTokensForAllOwnUsagePointsAndOneReusedAuthorization() {
        Api.Reply first = password(script, username, "pass-" + username);
        assertEquals(200, first.status(), first.body());
        JsonObject t = first.json();
        assertEquals(ThirdParties.SCOPE, t.getString("scope"));
        assertTrue(
                t.getString("resourceURI").matches(".*/espi/1_1/resource/Batch/Subscription/[0-9a-f-]{36}"),
                t.toString());
        Api.Reply refreshed = ThirdParties.refresh(base, script, t.getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.body());

        JsonObject second = password(script, username, "pass-" + username).json();
        assertEquals(
                t.getString("authorizationURI"),
                second.getString("authorizationURI"),
                "a daily script reuses its Authorization");
        var granted =
                admin.get("admin/customers/" + customerId + "/authorizations").array();
        assertEquals(1, granted.size());
        assertEquals(
                3,
                granted.getJsonObject(0).getJsonArray("usage_points").size(),
                "all of the customer's own usage points");
    }

    @Test
    void passwordWhenClientNotEnabledThenUnauthorizedClient() {
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/cb");
        Api.Reply r = password(app, username, "pass-" + username);
        assertEquals(400, r.status(), r.body());
        assertEquals("unauthorized_client", r.json().getString("error"));
    }

    @Test
    void passwordWhenWrongThenRightThenTokens() {
        assertEquals(400, password(script, username, "not-the-password").status());
        Api.Reply right = password(script, username, "pass-" + username);
        assertEquals(200, right.status(), right.body());
        assertEquals(200, password(script, username, "pass-" + username).status(), "and again");
    }

    @Test
    void passwordWhenWrongUnknownOrLockedThenTheSameInvalidGrant() {
        Api.Reply unknown = password(script, "nobody-" + username, "whatever-it-is");
        Api.Reply wrong = password(script, username, "not-the-password");
        assertEquals(400, wrong.status());
        assertEquals(unknown.body(), wrong.body(), "an unknown user and a wrong password look the same");
        for (int i = 0; i < 4; i++) password(script, username, "not-the-password");

        Api.Reply locked = password(script, username, "pass-" + username);
        assertEquals(wrong.body(), locked.body(), "after five failures even the right password gets the same answer");

        ConsentFlow browser = new ConsentFlow(base);
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/cb");
        String handle = ConsentFlow.handle(
                browser.authorize("response_type=code&client_id=" + app.id() + "&scope=" + enc(ThirdParties.SCOPE)));
        Api.Reply page = browser.signIn(handle, username, "pass-" + username);
        assertEquals(200, page.status(), "the lock holds on the consent page too");
        assertTrue(page.body().contains("Wrong username or password."));
    }

    @Test
    void passwordWhenOneClientFailsManyTimesThen429WithRetryAfter() {
        Api.Reply last = null;
        for (int i = 0; i < 21 && (last == null || last.status() != 429); i++) {
            last = password(script, "guess-" + i + "-" + username, "password" + i);
        }
        assertEquals(429, last.status(), last.body());
        assertEquals("slow_down", last.json().getString("error"));
        assertTrue(Long.parseLong(last.header("Retry-After")) > 0);
        assertEquals(
                429,
                password(script, username, "pass-" + username).status(),
                "the client is held back, whoever it tries");
    }

    @Test
    void registrationWhenClientUpdatesItselfThenItCannotAddThePasswordGrant() {
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/cb");
        String reg = Api.withAuthorization(base, null)
                .token(app.basic(), "grant_type=client_credentials&scope=FB%3D36_40")
                .json()
                .getString("access_token");
        Api.Reply r = Api.withAuthorization(base, "Bearer " + reg)
                .putJson(
                        "oauth/register/" + app.id(),
                        "{\"client_name\":\"x\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                                + "\"grant_types\":[\"authorization_code\",\"refresh_token\",\"password\"],\"third_party_notify_uri\":\""
                                + ThirdParties.NOTIFY + "\","
                                + "\"scopes\":[\"" + ThirdParties.SCOPE + "\"]}");
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid_client_metadata", r.json().getString("error"));
    }
}
