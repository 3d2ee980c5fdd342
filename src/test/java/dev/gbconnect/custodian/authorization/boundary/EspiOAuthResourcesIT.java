package dev.gbconnect.custodian.authorization.boundary;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ESPI OAuth resources (ApplicationInformation, Authorization, ReadServiceStatus) and who sees what. */
@ExtendWith(ArquillianExtension.class)
class EspiOAuthResourcesIT {

    private static final String REDIRECT = "http://127.0.0.1:9/callback";
    private static final String VERIFIER = "Zm9vYmFyLWJhei1xdXV4LWNvcmdlLWdyYXVsdC1nYXJwbHk";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    URI base;
    Api admin;
    ThirdParties.Registered app, other;
    JsonObject customerToken;
    String customerId;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        app = ThirdParties.confidential(admin, REDIRECT);
        other = ThirdParties.confidential(admin, REDIRECT);
        String username = "ea-" + UUID.randomUUID().toString().substring(0, 8);
        customerId = admin.newCustomer(username);
        assertEquals(
                201,
                admin.upload(customerId, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        Api.Reply answer = new ConsentFlow(base)
                .consent(
                        "response_type=code&client_id=" + app.id() + "&redirect_uri=" + enc(REDIRECT) + "&scope="
                                + enc(ThirdParties.SCOPE) + "&code_challenge=" + ThirdParties.challenge(VERIFIER)
                                + "&code_challenge_method=S256",
                        username,
                        "pass-" + username,
                        "approve",
                        null,
                        LocalDate.now().plusMonths(2).toString());
        customerToken = Api.withAuthorization(base, null)
                .token(
                        app.basic(),
                        "grant_type=authorization_code&code="
                                + enc(ConsentFlow.query(answer).get("code")) + "&redirect_uri=" + enc(REDIRECT)
                                + "&code_verifier=" + VERIFIER)
                .json();
    }

    Api bearer(String token) {
        return Api.withAuthorization(base, "Bearer " + token);
    }

    String clientCredentials(ThirdParties.Registered client, String scope) {
        return Api.withAuthorization(base, null)
                .token(client.basic(), "grant_type=client_credentials&scope=" + enc(scope))
                .json()
                .getString("access_token");
    }

    @Test
    void applicationInformationWhenAdminThenEveryThirdPartyAndWhenRegistrationTokenOnlyItself() {
        Api.Reply all = admin.get("espi/1_1/resource/ApplicationInformation");
        assertEquals(200, all.status(), all.body());
        assertTrue(all.header("Content-Type").startsWith("application/atom+xml"));
        Atom feed = Atom.valid(all.body());
        assertTrue(
                feed.texts("//espi:ApplicationInformation/espi:client_id").containsAll(List.of(app.id(), other.id())));

        Api own = bearer(clientCredentials(app, "FB=36_40"));
        Atom mine =
                Atom.valid(own.get("espi/1_1/resource/ApplicationInformation").body());
        assertEquals(List.of(app.id()), mine.texts("//espi:ApplicationInformation/espi:client_id"));
        Atom entry = Atom.valid(
                own.get("espi/1_1/resource/ApplicationInformation/" + app.id()).body());
        assertEquals(
                ThirdParties.NOTIFY,
                entry.text("/atom:entry/atom:content/espi:ApplicationInformation/espi:thirdPartyNotifyUri"));
        assertEquals("2", entry.text("//espi:dataCustodianApplicationStatus"));
        assertEquals("", entry.text("//espi:client_secret"), "secrets are never shown again");
        assertFalse(own.get("espi/1_1/resource/ApplicationInformation/" + app.id())
                .body()
                .contains(app.secret()));
        assertEquals(
                base + "espi/1_1/resource/ApplicationInformation/" + app.id(),
                entry.text("/atom:entry/atom:link[@rel='self']/@href"));
        assertEquals(
                404,
                own.get("espi/1_1/resource/ApplicationInformation/" + other.id())
                        .status(),
                "another's looks absent");
        assertEquals(
                403,
                bearer(customerToken.getString("access_token"))
                        .get("espi/1_1/resource/ApplicationInformation")
                        .status());
    }

    @Test
    void authorizationWhenThirdPartyTokenThenOnlyItsOwn() {
        String authorizationUri = customerToken.getString("authorizationURI");
        String id = authorizationUri.substring(authorizationUri.lastIndexOf('/') + 1);

        Api appBackOffice = bearer(clientCredentials(app, "ThirdParty_Admin_Access"));
        Atom one = Atom.valid(
                appBackOffice.get("espi/1_1/resource/Authorization/" + id).body());
        assertEquals("1", one.text("//espi:Authorization/espi:status"));
        assertEquals(ThirdParties.SCOPE, one.text("//espi:Authorization/espi:scope"));
        assertEquals("authorization_code", one.text("//espi:Authorization/espi:grant_type"));
        assertEquals(customerToken.getString("resourceURI"), one.text("//espi:Authorization/espi:resourceURI"));
        assertEquals(authorizationUri, one.text("//espi:Authorization/espi:authorizationURI"));

        Atom byApp =
                Atom.valid(appBackOffice.get("espi/1_1/resource/Authorization").body());
        assertTrue(byApp.texts("//espi:Authorization/espi:authorizationURI").contains(authorizationUri));
        Api otherApp = bearer(clientCredentials(other, "ThirdParty_Admin_Access"));
        assertFalse(Atom.valid(otherApp.get("espi/1_1/resource/Authorization").body())
                .texts("//espi:authorizationURI")
                .contains(authorizationUri));
        assertEquals(404, otherApp.get("espi/1_1/resource/Authorization/" + id).status(), "another's looks absent");
        Atom.valid(admin.get("espi/1_1/resource/Authorization").body());
    }

    @Test
    void readServiceStatusWhenBackOfficeTokenThenNormal() {
        for (Api caller : List.of(bearer(clientCredentials(app, "ThirdParty_Admin_Access")), admin)) {
            Api.Reply r = caller.get("espi/1_1/resource/ReadServiceStatus");
            assertEquals(200, r.status(), r.body());
            assertEquals("1", Atom.valid(r.body()).text("/espi:ServiceStatus/espi:currentStatus"));
        }
        assertEquals(
                401,
                Api.withAuthorization(base, null)
                        .get("espi/1_1/resource/ReadServiceStatus")
                        .status());
    }

    @Test
    void offlineAuthorizationWhenStaffGrantWithReasonThenThirdPartyRefreshesAndCustomerSeesIt() {
        String until = LocalDate.now().plusMonths(1).toString();
        Api.Reply refused = admin.postJson(
                "admin/customers/" + customerId + "/authorizations",
                "{\"client_id\":\"" + other.id() + "\",\"scope\":\"" + ThirdParties.SCOPE + "\",\"until\":\"" + until
                        + "\"}");
        assertEquals(400, refused.status(), "a reason is required");
        assertTrue(refused.json().getString("message").contains("reason"), refused.body());

        Api.Reply granted = admin.postJson(
                "admin/customers/" + customerId + "/authorizations",
                "{\"client_id\":\"" + other.id() + "\",\"scope\":\"" + ThirdParties.SCOPE + "\",\"until\":\"" + until
                        + "\",\"reason\":\"customer called support, ticket 4711\"}");
        assertEquals(201, granted.status(), granted.body());
        Api.Reply tokens = ThirdParties.refresh(base, other, granted.json().getString("refresh_token"));
        assertEquals(200, tokens.status(), tokens.body());
        assertEquals(granted.json().getString("authorizationURI"), tokens.json().getString("authorizationURI"));

        JsonObject recorded = admin.get("admin/customers/" + customerId + "/authorizations").array().stream()
                .map(JsonObject.class::cast)
                .filter(a -> a.getString("client_id").equals(other.id()))
                .findFirst()
                .orElseThrow();
        assertEquals("customer called support, ticket 4711", recorded.getString("offline_reason"));
        assertEquals(3, recorded.getJsonArray("usage_points").size());
        Atom.valid(admin.get("espi/1_1/resource/Authorization/" + recorded.getString("id"))
                .body());
    }
}
