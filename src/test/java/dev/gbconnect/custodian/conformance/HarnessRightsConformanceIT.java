package dev.gbconnect.custodian.conformance;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GBA CMD certification with {@code custodian.gba-harness} on, against the uber-jar: an id outside the caller's
 * rights gets 403, as GBA's platform expects (GREEN-BUTTON-CMD.md ER-07, AL-07), and only an id that exists
 * nowhere gets 404 (off, both look alike: EspiResourcesConformanceIT); a blank Authorization header gets 403 (ER-03);
 * an unknown client at the authorization endpoint 401 (OA-04). Codes live one second here, so that OA-08's "code
 * older than its lifetime" runs without waiting six minutes.
 */
@OwnServer
class HarnessRightsConformanceIT {

    private static final String R = "espi/1_1/resource/";
    private static final String ADMIN = "harness-admin", SECRET = "harness-admin-secret";

    private static UberJarServer server;
    private static Api admin;
    private static ThirdParties.Registered app, other;
    private static JsonObject mine, others;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "harness-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dir);
        server = UberJarServer.start(
                dir,
                UberJarServer.testJvm(),
                Map.of(
                        "CUSTODIAN_DEMO_DATA",
                        "false",
                        "CUSTODIAN_GBA_HARNESS",
                        "true",
                        "CUSTODIAN_ADMIN_CLIENT_ID",
                        ADMIN,
                        "CUSTODIAN_ADMIN_CLIENT_SECRET",
                        SECRET,
                        "CUSTODIAN_OAUTH_CODE_LIFETIME",
                        "PT1S"));
        admin = server.api(ADMIN, SECRET);
        app = ThirdParties.notified(admin, "Harness app", ThirdParties.NOTIFY);
        other = ThirdParties.notified(admin, "Harness other", ThirdParties.NOTIFY);
        mine = ThirdParties.offlineToken(admin, app, customer(), ThirdParties.SCOPE, null);
        others = ThirdParties.offlineToken(admin, other, customer(), ThirdParties.SCOPE, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
    }

    private static String customer() {
        String id = admin.newCustomer("harness-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(
                201,
                admin.upload(id, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        return id;
    }

    private static Api bearer(String token) {
        return Api.withAuthorization(server.base(), "Bearer " + token);
    }

    private static Api backOffice(ThirdParties.Registered client, String scope) {
        return bearer(Api.withAuthorization(server.base(), null)
                .token(client.basic(), "grant_type=client_credentials&scope=" + enc(scope))
                .json()
                .getString("access_token"));
    }

    private static String path(String uri) {
        return uri.substring(server.base().toString().length());
    }

    private static void assertOutsideRights(Api.Reply r, String what) {
        assertEquals(403, r.status(), what + ": " + r.body());
        assertTrue(r.header("WWW-Authenticate").contains("error=\"insufficient_scope\""), what);
    }

    @Test
    void ER03_harness_blankAuthorizationHeaderIs403AndAnAbsentOne401WithTheBearerChallenge() {
        for (String path : List.of(R + "ReadServiceStatus", R + "Authorization", path(mine.getString("resourceURI")))) {
            Api.Reply blank = Api.withAuthorization(server.base(), "").get(path);
            assertEquals(403, blank.status(), path + ": " + blank.body());
            Api.Reply absent = Api.withAuthorization(server.base(), null).get(path);
            assertEquals(401, absent.status(), path);
            assertTrue(absent.header("WWW-Authenticate").startsWith("Bearer"), absent.header("WWW-Authenticate"));
        }
    }

    @Test
    void OA04_harness_missingOrUnknownClientIs401AndAnUnregisteredRedirectUri403WithoutRedirect() {
        for (String client : List.of("client_id=nobody&", "")) {
            Api.Reply r = new ConsentFlow(server.base())
                    .authorize(client + "response_type=code&redirect_uri=" + enc("http://127.0.0.1:9/cb") + "&scope="
                            + enc(ThirdParties.SCOPE));
            assertEquals(401, r.status(), client + ": " + r.body());
            assertNull(r.header("Location"));
        }
        Api.Reply elsewhere = new ConsentFlow(server.base())
                .authorize(
                        ThirdParties.authorizeQuery(app, "https://evil.example.com/cb", ThirdParties.SCOPE, "s", null));
        assertEquals(403, elsewhere.status(), elsewhere.body());
        assertNull(elsewhere.header("Location"));
    }

    /** OA-08: a code older than its lifetime (one second here; 60 s by default, GBA allows five minutes) is refused. */
    @Test
    void OA08_harness_codeOlderThanItsLifetimeIsInvalidGrant() throws Exception {
        String username = "code-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                admin.upload(admin.newCustomer(username), Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        String redirect = "http://127.0.0.1:9/cb";
        Api.Reply answer = new ConsentFlow(server.base())
                .consent(
                        ThirdParties.authorizeQuery(app, redirect, ThirdParties.SCOPE, "s", null),
                        username,
                        "pass-" + username,
                        "approve",
                        null,
                        LocalDate.now().plusMonths(1).toString());
        String code = ConsentFlow.query(answer).get("code");
        Thread.sleep(1500);
        Api.Reply late = Api.withAuthorization(server.base(), null)
                .token(
                        app.basic(),
                        "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect));
        assertEquals(400, late.status(), late.body());
        assertEquals("invalid_grant", late.json().getString("error"));
    }

    /**
     * Issue 17 in harness mode: customer information read with a token whose Authorization does not grant it (usage
     * data only), or of another customer, gets 403 like the usage side (ER-07); an id that exists nowhere 404.
     */
    @Test
    void ER07_harness_customerInformationWithoutTheGrant_is403AndAMissingOne404() throws Exception {
        String rc =
                admin.newCustomer("harness-ci-" + UUID.randomUUID().toString().substring(0, 8));
        ThirdParties.Registered custodian = new ThirdParties.Registered(ADMIN, SECRET, null);
        Api uploader = backOffice(custodian, "Upload_Admin_Access");
        assertEquals(
                201, uploader.upload(rc, Shared.sample("datasdk/Water.xml")).status());
        Api.Reply info = uploader.raw(
                "POST",
                R + "Batch/RetailCustomer/" + rc,
                uploader.authorization(),
                "application/atom+xml",
                Files.readAllBytes(Path.of("src/test/resources/customer/retail-customer-full.xml")),
                false);
        assertEquals(201, info.status(), info.body());
        String customerId = Atom.valid(backOffice(custodian, "DataCustodian_Admin_Access")
                        .get(R + "RetailCustomer/" + rc + "/Customer")
                        .body())
                .text("//atom:entry/atom:id")
                .substring("urn:uuid:".length());
        Api usageOnly = bearer(ThirdParties.offlineToken(admin, app, rc, ThirdParties.SCOPE, null)
                .getString("access_token"));
        Api othersOwn = bearer(others.getString("access_token"));
        String unknown = UUID.randomUUID().toString();

        for (String path : List.of(
                "Batch/RetailCustomer/" + rc,
                "RetailCustomer/" + rc + "/Customer",
                "RetailCustomer/" + rc + "/Customer/" + customerId,
                "RetailCustomer/" + rc + "/Customer/" + customerId + "/CustomerAccount")) {
            assertOutsideRights(usageOnly.get(R + path), "usage data only: " + path);
            assertOutsideRights(othersOwn.get(R + path), "another customer's: " + path);
        }
        assertEquals(404, usageOnly.get(R + "Batch/RetailCustomer/" + unknown).status());
        assertEquals(
                404,
                usageOnly.get(R + "RetailCustomer/" + unknown + "/Customer").status());
    }

    @Test
    void ER07_harness_idOutsideTheCallersRights_is403AndAMissingOne404() {
        String unknown = UUID.randomUUID().toString();
        Api customer = bearer(mine.getString("access_token"));
        assertOutsideRights(customer.get(path(others.getString("resourceURI"))), "another customer's Subscription");
        assertEquals(404, customer.get(R + "Batch/Subscription/" + unknown).status());

        String othersPoint = Atom.valid(bearer(others.getString("access_token"))
                        .get(path(others.getString("resourceURI")))
                        .body())
                .text("/atom:feed/atom:entry[atom:content/espi:UsagePoint][1]/atom:id")
                .substring("urn:uuid:".length());
        String own = path(mine.getString("resourceURI")).replace("Batch/Subscription", "Subscription");
        assertOutsideRights(customer.get(own + "/UsagePoint/" + othersPoint), "another customer's usage point");
        assertOutsideRights(
                customer.get(own + "/UsagePoint/" + othersPoint + "/MeterReading"),
                "a collection below another customer's usage point");
        assertEquals(404, customer.get(own + "/UsagePoint/" + unknown).status());

        Api otherBackOffice = backOffice(other, "ThirdParty_Admin_Access");
        assertOutsideRights(
                otherBackOffice.get(path(mine.getString("authorizationURI"))), "another third party's Authorization");
        assertEquals(404, otherBackOffice.get(R + "Authorization/" + unknown).status());

        Api registration = backOffice(app, "FB=36_40");
        assertOutsideRights(
                registration.get(R + "ApplicationInformation/" + other.id()),
                "another third party's ApplicationInformation");
        assertEquals(
                404, registration.get(R + "ApplicationInformation/" + unknown).status());
        Atom.valid(registration.get(R + "ApplicationInformation/" + app.id()).body());
    }
}
