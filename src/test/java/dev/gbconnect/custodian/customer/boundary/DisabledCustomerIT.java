package dev.gbconnect.custodian.customer.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer the utility disables shares nothing: every third party's and personal client's token for their data
 * stops as if its Authorization had ended, the third parties are told, their open portal session ends, and enabling the customer again restores
 * exactly the Authorizations that had not ended.
 */
@ExtendWith(ArquillianExtension.class)
class DisabledCustomerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    @Test
    void customerWhenDisabledThenEveryTokenStopsAndWhenEnabledAgainTheAuthorizationsNotEndedComeBack()
            throws Exception {
        URI base = url.toURI();
        Api admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        String username = "off-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = admin.newCustomer(username);
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        ConsentFlow portal = ConsentFlow.portal(url.toURI(), username);
        try (NotifyReceiver receiver = new NotifyReceiver(0, 200)) {
            ThirdParties.Registered app = ThirdParties.notified(admin, "Disabled customer app", receiver.uri());
            JsonObject kept = ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null);
            JsonObject ended = ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null);
            ThirdParties.Registered script = ThirdParties.register(
                    admin,
                    "{\"client_name\":\"Own script\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                            + "\"grant_types\":[\"password\",\"refresh_token\",\"client_credentials\"],"
                            + "\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY + "\",\"scopes\":[\""
                            + ThirdParties.SCOPE
                            + "\"]}");
            Api.Reply own = Api.withAuthorization(base, null)
                    .token(
                            script.basic(),
                            "grant_type=password&username=" + ConsentFlow.enc(username) + "&password="
                                    + ConsentFlow.enc("pass-" + username));
            assertEquals(200, own.status(), own.body());
            Api backOffice = Api.withAuthorization(
                    base,
                    "Bearer "
                            + Api.withAuthorization(base, null)
                                    .token(app.basic(), "grant_type=client_credentials")
                                    .json()
                                    .getString("access_token"));
            assertEquals(
                    204, backOffice.delete(ended.getString("authorizationURI")).status());
            int before = receiver.await(3, WAIT).size(); // two created, one ended

            assertEquals(200, disable(admin, customer, false).status());
            Api.Reply signedOut = portal.get("portal");
            assertEquals(303, signedOut.status(), "the open portal session ends: " + signedOut.body());
            assertTrue(signedOut.header("Location").endsWith("portal/sign-in"), signedOut.header("Location"));
            assertStopped(base, app, kept, "disabled");
            assertStopped(base, script, own.json(), "disabled");
            assertEquals(
                    "0",
                    status(backOffice, kept),
                    "the third party reads its Authorization as ended (ESPI has no code for suspended)");
            assertEquals(
                    List.of(kept.getString("authorizationURI")),
                    Atom.valid(receiver.await(before + 1, WAIT).get(before).body())
                            .texts("/espi:BatchList/espi:resources"),
                    "the third party is told about the Authorization that stopped, and only that one");

            assertEquals(200, disable(admin, customer, true).status());
            assertEquals(303, portal.get("portal").status(), "enabling again does not reopen the ended session");
            assertEquals(
                    200, bearer(base, kept).get(kept.getString("resourceURI")).status(), "the same token works again");
            assertEquals(
                    200,
                    bearer(base, own.json())
                            .get(own.json().getString("resourceURI"))
                            .status());
            assertEquals(
                    200,
                    ThirdParties.refresh(base, app, kept.getString("refresh_token"))
                            .status(),
                    "the refresh token presented while disabled was not used up");
            assertEquals("1", status(backOffice, kept));
            Api.Reply stillEnded = ThirdParties.refresh(base, app, ended.getString("refresh_token"));
            assertEquals(400, stillEnded.status());
            assertEquals("invalid_grant", stillEnded.json().getString("error"));
            assertEquals("0", status(backOffice, ended), "an Authorization ended before stays ended");
            assertEquals(
                    List.of(kept.getString("authorizationURI")),
                    Atom.valid(receiver.await(before + 2, WAIT).get(before + 1).body())
                            .texts("/espi:BatchList/espi:resources"),
                    "and told again when it is back");
        }
    }

    /** Answers as for an ended Authorization: 401 invalid_token on data, invalid_grant on refresh. */
    private static void assertStopped(URI base, ThirdParties.Registered client, JsonObject tokens, String why) {
        Api.Reply data = bearer(base, tokens).get(tokens.getString("resourceURI"));
        assertEquals(401, data.status(), why + ": " + data.body());
        assertTrue(
                data.header("WWW-Authenticate").contains("error=\"invalid_token\""), data.header("WWW-Authenticate"));
        Api.Reply refresh = ThirdParties.refresh(base, client, tokens.getString("refresh_token"));
        assertEquals(400, refresh.status(), refresh.body());
        assertEquals("invalid_grant", refresh.json().getString("error"));
    }

    private static Api bearer(URI base, JsonObject tokens) {
        return Api.withAuthorization(base, "Bearer " + tokens.getString("access_token"));
    }

    private static Api.Reply disable(Api admin, String customer, boolean enabled) {
        return admin.patchJson("admin/customers/" + customer, "{\"enabled\":" + enabled + "}");
    }

    private static String status(Api backOffice, JsonObject tokens) {
        Api.Reply r = backOffice.get(tokens.getString("authorizationURI"));
        assertEquals(200, r.status(), r.body());
        return Atom.valid(r.body()).text("//espi:Authorization/espi:status");
    }
}
