package dev.gbconnect.custodian.conformance;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Notices;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GREEN-BUTTON-CMD.md A5, Notifications (FB_39), and revocation (AL-08): what a third party's notify endpoint
 * receives, and that each URI it names answers the token class GBA's platform reads it with. NT-02 (https URIs) needs
 * an https public URL: HstsConformanceIT.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    /** A third party notified at a loopback receiver, with one customer's Subscription and its tokens. */
    record Fixture(
            URI base,
            Api admin,
            NotifyReceiver receiver,
            ThirdParties.Registered app,
            String customerId,
            JsonObject customer) {}

    private static Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        if (f != null) return;
        Api admin = new Api(url.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
        NotifyReceiver receiver = new NotifyReceiver(0, 200);
        ThirdParties.Registered app = ThirdParties.notified(admin, "FB_39 app", receiver.uri());
        String customer = admin.newCustomer("nt-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        f = new Fixture(
                url.toURI(),
                admin,
                receiver,
                app,
                customer,
                ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null));
    }

    @AfterAll
    static void closeReceiver() {
        if (f != null) f.receiver().close();
        f = null;
    }

    /** A notice of this kind for the fixture's third party, asked for by staff; answers it once delivered. */
    private static JsonObject requested(String kind) throws InterruptedException {
        Api.Reply r = f.admin()
                .postJson(
                        "admin/notifications",
                        "{\"kind\":\"" + kind + "\",\"client_id\":\"" + f.app().id() + "\"}");
        assertEquals(202, r.status(), r.body());
        assertEquals(1, r.array().size(), kind + ": one notice for the one third party");
        long id = r.array().getJsonObject(0).getJsonNumber("id").longValue();
        return Notices.awaitState(f.admin(), id, "delivered", WAIT);
    }

    /** The one resource URI a delivered notice named, as the receiver got it in a schema-valid BatchList. */
    private static String named(JsonObject notice) {
        String deliveryId = notice.getString("delivery_id");
        NotifyReceiver.Received got = f.receiver().received().stream()
                .filter(r -> deliveryId.equals(r.deliveryId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the receiver never got " + notice));
        List<String> uris = Atom.valid(got.body()).texts("/espi:BatchList/espi:resources");
        assertEquals(
                notice.getJsonArray("resources").getValuesAs(JsonString::getString), uris, "what the admin API shows");
        assertEquals(1, uris.size(), notice.toString());
        return uris.get(0);
    }

    private static String path(String uri) {
        assertTrue(uri.startsWith(f.base().toString()), uri + " is under " + f.base());
        return uri.substring(f.base().toString().length());
    }

    private static Api bearer(String token) {
        return Api.withAuthorization(f.base(), "Bearer " + token);
    }

    private static Api clientCredentials(String scope) {
        Api.Reply r = Api.withAuthorization(f.base(), null)
                .token(f.app().basic(), "grant_type=client_credentials&scope=" + enc(scope));
        assertEquals(200, r.status(), r.body());
        return bearer(r.json().getString("access_token"));
    }

    private static Atom read(Api caller, String uri) {
        Api.Reply r = caller.get(path(uri));
        assertEquals(200, r.status(), uri + ": " + r.body());
        return Atom.valid(r.body());
    }

    @Test
    void NT01_batchListIsPostedToTheNotifyUriAndTheThirdPartysOkEndsTheNotice() throws Exception {
        JsonObject notice = requested("authorization");
        assertEquals(1, notice.getInt("attempts"), "the receiver's 200 ends it: " + notice);
        assertNotNull(notice.get("delivered_at"));
        NotifyReceiver.Received got = f.receiver().received().stream()
                .filter(r -> notice.getString("delivery_id").equals(r.deliveryId()))
                .findFirst()
                .orElseThrow();
        Atom batchList = Atom.valid(got.body());
        assertEquals(1, batchList.count("/espi:BatchList"), got.body());
        assertTrue(batchList.count("/espi:BatchList/espi:resources") >= 1, got.body());
    }

    @Test
    void NT03_subscriptionNotice_namesTheBatchSubscriptionItsAccessTokenReads() throws Exception {
        String uri = named(requested("data"));
        assertTrue(uri.matches(".*/espi/1_1/resource/Batch/Subscription/[^/?]+(\\?.*)?"), uri);
        assertEquals(f.customer().getString("resourceURI"), uri.replaceAll("\\?.*", ""));
        Atom feed = read(bearer(f.customer().getString("access_token")), uri);
        assertTrue(feed.text("/atom:feed/atom:link[@rel='self']/@href").contains("/Batch/Subscription"));
    }

    @Test
    void NT04_applicationInformationNotice_namesWhatTheRegistrationTokenReads() throws Exception {
        String uri = named(requested("application"));
        assertTrue(
                uri.endsWith(
                        "/espi/1_1/resource/ApplicationInformation/" + f.app().id()),
                uri);
        Atom entry = read(clientCredentials("FB=36_40"), uri);
        assertTrue(entry.count("//espi:ApplicationInformation") >= 1);
    }

    @Test
    void NT05_authorizationNotice_namesWhatTheClientCredentialsTokenReads() throws Exception {
        String uri = named(requested("authorization"));
        assertEquals(f.customer().getString("authorizationURI"), uri);
        Atom entry = read(clientCredentials("ThirdParty_Admin_Access"), uri);
        assertEquals(1, entry.count("//espi:Authorization"));
    }

    @Test
    void NT06_staffAskForEachKindOfNoticeOnDemand() throws Exception {
        for (String kind : List.of("data", "authorization", "application")) {
            assertTrue(named(requested(kind)).startsWith(f.base() + "espi/1_1/resource/"), kind);
        }
        Api.Reply unknown = f.admin().postJson("admin/notifications", "{\"kind\":\"everything\"}");
        assertEquals(400, unknown.status(), unknown.body());
    }

    @Test
    void NT07_failedNoticeIsRecordedForTheDataCustodian() throws Exception {
        try (NotifyReceiver failing = new NotifyReceiver(0, 500)) {
            ThirdParties.Registered app = ThirdParties.notified(f.admin(), "NT07 app", failing.uri());
            Api.Reply r = f.admin()
                    .postJson("admin/notifications", "{\"kind\":\"application\",\"client_id\":\"" + app.id() + "\"}");
            assertEquals(202, r.status(), r.body());
            long id = r.array().getJsonObject(0).getJsonNumber("id").longValue();
            JsonObject dead = Notices.awaitState(f.admin(), id, "dead", WAIT);
            assertTrue(dead.getInt("attempts") >= 2, "retried before giving up: " + dead);
            assertTrue(dead.getString("last_error").contains("500"), dead.toString());
            assertTrue(
                    f.admin().get("admin/notifications?state=dead&client_id=" + app.id()).array().stream()
                            .anyMatch(n -> n.asJsonObject().getJsonNumber("id").longValue() == id),
                    "the data custodian finds it among the dead notices");
        }
    }

    /** AL-08: the third party ends an Authorization (PG&E's one write call); it and the notice say so. */
    @Test
    void AL08_revokedAuthorizationStopsItsTokensAndTheThirdPartyIsNotified() throws Exception {
        JsonObject tokens = ThirdParties.offlineToken(f.admin(), f.app(), f.customerId(), ThirdParties.SCOPE, null);
        String uri = tokens.getString("authorizationURI");
        Api backOffice = clientCredentials("ThirdParty_Admin_Access");
        int before = noticesNaming(uri, 1);
        assertEquals(204, backOffice.delete(path(uri)).status());

        assertEquals("0", read(backOffice, uri).text("//espi:Authorization/espi:status"), "status revoked");
        Api.Reply data = bearer(tokens.getString("access_token")).get(path(tokens.getString("resourceURI")));
        assertEquals(401, data.status(), data.body());
        assertTrue(data.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        Api.Reply refresh = ThirdParties.refresh(f.base(), f.app(), tokens.getString("refresh_token"));
        assertEquals(400, refresh.status(), refresh.body());
        assertEquals("invalid_grant", refresh.json().getString("error"));
        assertEquals(before + 1, noticesNaming(uri, before + 1), "the third party hears of the ended Authorization");
    }

    /** How many notices named this URI, once at least {@code least} have arrived. */
    private static int noticesNaming(String uri, int least) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            int n = (int) f.receiver().received().stream()
                    .filter(r -> Atom.valid(r.body())
                            .texts("/espi:BatchList/espi:resources")
                            .contains(uri))
                    .count();
            if (n >= least || System.nanoTime() > end) return n;
            Thread.sleep(100);
        }
    }

    @Test
    void NT09_noticeIsSentAsAtomWithOnlyTheBatchListOfUris() throws Exception {
        Api admin = new Api(url.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
        try (NotifyReceiver receiver = new NotifyReceiver(0, 200)) {
            ThirdParties.Registered app = ThirdParties.notified(admin, "NT09 app", receiver.uri());
            Api.Reply requested = admin.postJson(
                    "admin/notifications", "{\"kind\":\"application\",\"client_id\":\"" + app.id() + "\"}");
            assertEquals(202, requested.status(), requested.body());

            NotifyReceiver.Received got =
                    receiver.await(1, Duration.ofSeconds(30)).get(0);
            assertEquals("application/atom+xml; charset=UTF-8", got.contentType());
            Atom batchList = Atom.valid(got.body());
            assertEquals(
                    List.of(admin.base()
                            .resolve("espi/1_1/resource/ApplicationInformation/" + app.id())
                            .toString()),
                    batchList.texts("/espi:BatchList/espi:resources"));
            assertEquals(1, batchList.count("/espi:BatchList/*"), "URIs only, no data");
        }
    }
}
