package dev.gbconnect.custodian.conformance;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GBA CMD certification, the ESPI resources a third party reads (GREEN-BUTTON-CMD.md A1, A2, A4, A7, D): which
 * token class reads which path, what an id outside the caller's rights answers, the certification link, complete
 * Authorizations and ApplicationInformation, and query parameters on the OAuth resources' feeds. Each method is
 * named after the checklist item it proves; every XML answer is validated against greenbutton.xsd.
 */
@ExtendWith(ArquillianExtension.class)
class EspiResourcesConformanceIT {

    private static final String R = "espi/1_1/resource/";
    private static final String CERTIFICATE = "https://cert.greenbuttonalliance.org/certificate/IT-CERT-0001";
    private static final String REDIRECT = "http://127.0.0.1:9/callback";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    /**
     * Built once: the data custodian, a third party (app) with a customer's Subscription and its back-office tokens of
     * each class, and another third party (other) with a Subscription of another customer.
     */
    record Fixture(
            URI base,
            Api admin,
            ThirdParties.Registered app,
            ThirdParties.Registered other,
            String username,
            String customerId,
            JsonObject customer,
            JsonObject othersCustomer,
            Map<String, JsonObject> tokens) {}

    private static Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        if (f != null) return;
        URI base = url.toURI();
        Api admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        ThirdParties.Registered app = ThirdParties.confidential(admin, REDIRECT);
        ThirdParties.Registered other = ThirdParties.confidential(admin, REDIRECT);
        String username = "cert-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = customer(admin, username);
        String stranger = customer(admin, "cert-" + UUID.randomUUID().toString().substring(0, 8));
        String dataCustodian = Api.basic(Api.IT_ADMIN, Api.IT_SECRET);
        Map<String, JsonObject> tokens = new LinkedHashMap<>();
        tokens.put("client_credentials", clientCredentials(base, app.basic(), "ThirdParty_Admin_Access"));
        tokens.put("registration", clientCredentials(base, app.basic(), "FB=36_40"));
        tokens.put("upload", clientCredentials(base, dataCustodian, "Upload_Admin_Access"));
        tokens.put("data_custodian", clientCredentials(base, dataCustodian, "DataCustodian_Admin_Access"));
        f = new Fixture(
                base,
                admin,
                app,
                other,
                username,
                customer,
                ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null),
                ThirdParties.offlineToken(admin, other, stranger, ThirdParties.SCOPE, null),
                tokens);
    }

    private static String customer(Api admin, String username) {
        String id = admin.newCustomer(username);
        assertEquals(
                201,
                admin.upload(id, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        return id;
    }

    /** The token response of a back-office client_credentials grant. */
    private static JsonObject clientCredentials(URI base, String basic, String scope) {
        Api.Reply r =
                Api.withAuthorization(base, null).token(basic, "grant_type=client_credentials&scope=" + enc(scope));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static Api as(String tokenClass) {
        return bearer(
                ("customer".equals(tokenClass) ? f.customer() : f.tokens().get(tokenClass)).getString("access_token"));
    }

    private static Api bearer(String token) {
        return Api.withAuthorization(f.base(), "Bearer " + token);
    }

    private static String lastSegment(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String path(String uri) {
        return uri.substring(f.base().toString().length());
    }

    private static Atom valid(Api.Reply r) {
        assertEquals(200, r.status(), r.body());
        return Atom.valid(r.body());
    }

    /** RFC 6750 §3.1: a valid token of the wrong class. */
    private static void assertInsufficientScope(Api.Reply r, String what) {
        assertEquals(403, r.status(), what + ": " + r.body());
        String challenge = r.header("WWW-Authenticate");
        assertTrue(
                challenge != null
                        && challenge.startsWith("Bearer")
                        && challenge.contains("error=\"insufficient_scope\""),
                what + ": " + challenge);
    }

    private static void assertOneCertificationLink(Atom document, String what) {
        assertEquals(1, document.count("//atom:link[@rel='related'][starts-with(@href, 'https://cert.')]"), what);
        assertEquals(1, document.count("//atom:link[@rel='related'][@href='" + CERTIFICATE + "']"), what);
    }

    private static String subscription() {
        return path(f.customer().getString("resourceURI"));
    }

    private static String authorization() {
        return path(f.customer().getString("authorizationURI"));
    }

    @Test
    void ER01_applicationInformationWithClientCredentialsOrCustomerToken_is403InsufficientScope() {
        for (String wrong : List.of("client_credentials", "customer")) {
            assertInsufficientScope(
                    as(wrong).get(R + "ApplicationInformation/" + f.app().id()), wrong);
            assertInsufficientScope(as(wrong).get(R + "ApplicationInformation"), wrong + ", feed");
        }
    }

    @Test
    void ER01_authorizationWithRegistrationOrCustomerToken_is403InsufficientScope() {
        for (String wrong : List.of("registration", "customer")) {
            assertInsufficientScope(as(wrong).get(R + "Authorization"), wrong + ", feed");
            assertInsufficientScope(as(wrong).get(authorization()), wrong + ", entry");
        }
    }

    @Test
    void ER01_readServiceStatusWithRegistrationOrCustomerToken_is403InsufficientScope() {
        for (String wrong : List.of("registration", "customer")) {
            assertInsufficientScope(as(wrong).get(R + "ReadServiceStatus"), wrong);
        }
    }

    @Test
    void ER02_usageDataWithRegistrationClientCredentialsOrUploadToken_is403InsufficientScope() {
        String usagePoints = subscription().replace("Batch/Subscription", "Subscription") + "/UsagePoint";
        for (String wrong : List.of("registration", "client_credentials", "upload")) {
            assertInsufficientScope(as(wrong).get(subscription()), wrong + ", Batch/Subscription");
            assertInsufficientScope(as(wrong).get(usagePoints), wrong + ", Subscription/…/UsagePoint");
            assertInsufficientScope(as(wrong).get(R + "UsagePoint"), wrong + ", root UsagePoint");
        }
    }

    @Test
    void ER04_wrongTokenClass_isRefusedBeforeAnyLookup() {
        String unknown = UUID.randomUUID().toString();
        assertInsufficientScope(
                as("client_credentials").get(R + "Batch/Subscription/" + unknown), "Batch/Subscription");
        assertInsufficientScope(as("registration").get(R + "Authorization/" + unknown), "Authorization");
        assertInsufficientScope(
                as("client_credentials").get(R + "ApplicationInformation/" + unknown), "ApplicationInformation");
        assertInsufficientScope(as("customer").get(R + "Batch/Bulk/" + unknown), "Batch/Bulk");
    }

    @Test
    void RP01_applicationInformationWithItsRegistrationOrDataCustodianToken_is200() {
        for (String right : List.of("registration", "data_custodian")) {
            Atom entry =
                    valid(as(right).get(R + "ApplicationInformation/" + f.app().id()));
            assertEquals(f.app().id(), entry.text("//espi:ApplicationInformation/espi:client_id"), right);
        }
        assertEquals(
                List.of(f.app().id()),
                valid(as("registration").get(R + "ApplicationInformation"))
                        .texts("//espi:ApplicationInformation/espi:client_id"),
                "a registration token's feed holds its own registration only");
    }

    @Test
    void RP02_authorizationWithClientCredentialsOrDataCustodianToken_is200() {
        for (String right : List.of("client_credentials", "data_custodian")) {
            assertEquals(
                    f.customer().getString("authorizationURI"),
                    valid(as(right).get(authorization())).text("//espi:authorizationURI"),
                    right);
            assertTrue(
                    valid(as(right).get(R + "Authorization"))
                            .texts("//espi:authorizationURI")
                            .contains(f.customer().getString("authorizationURI")),
                    right);
        }
    }

    @Test
    void RP03_batchSubscriptionWithCustomerOrDataCustodianToken_is200() {
        for (String right : List.of("customer", "data_custodian")) {
            assertEquals(3, valid(as(right).get(subscription())).count("//espi:UsagePoint"), right);
        }
    }

    @Test
    void RP04_readServiceStatusWithClientCredentialsDataCustodianOrUploadToken_is200() {
        for (String right : List.of("client_credentials", "data_custodian", "upload")) {
            assertEquals(
                    "1", valid(as(right).get(R + "ReadServiceStatus")).text("/espi:ServiceStatus/espi:currentStatus"));
        }
    }

    @Test
    void ER07_idOutsideTheCallersRights_answersExactlyLikeAMissingId() {
        String unknown = UUID.randomUUID().toString();
        String othersSubscription = path(f.othersCustomer().getString("resourceURI"));
        String othersAuthorization = path(f.othersCustomer().getString("authorizationURI"));
        Map<String, Api.Reply[]> pairs = Map.of(
                "Subscription",
                new Api.Reply[] {
                    as("customer").get(othersSubscription), as("customer").get(R + "Batch/Subscription/" + unknown)
                },
                "Authorization",
                new Api.Reply[] {
                    as("client_credentials").get(othersAuthorization),
                    as("client_credentials").get(R + "Authorization/" + unknown)
                },
                "ApplicationInformation",
                new Api.Reply[] {
                    as("registration")
                            .get(R + "ApplicationInformation/" + f.other().id()),
                    as("registration").get(R + "ApplicationInformation/" + unknown)
                });
        pairs.forEach((what, replies) -> {
            assertEquals(404, replies[0].status(), what + ": " + replies[0].body());
            assertEquals(404, replies[1].status(), what);
            assertEquals(
                    replies[1].body().replace(unknown, "ID"),
                    replies[0]
                            .body()
                            .replace(lastSegment(othersSubscription), "ID")
                            .replace(lastSegment(othersAuthorization), "ID")
                            .replace(f.other().id(), "ID"),
                    what + ": the same answer apart from the id");
        });
    }

    @Test
    void OA12_backOfficeTokenResourceUri_namesWhatThatTokenReads() {
        f.tokens().forEach((kind, token) -> {
            Api.Reply read = as(kind).get(path(token.getString("resourceURI")));
            assertEquals(200, read.status(), kind + " reads " + token.getString("resourceURI") + ": " + read.body());
            Atom.valid(read.body());
        });
        assertTrue(
                f.tokens()
                        .get("registration")
                        .getString("resourceURI")
                        .endsWith(R + "ApplicationInformation/" + f.app().id()),
                "OA-14: the registration token names its own ApplicationInformation");
    }

    @Test
    void CERT001_applicationInformationEntry_hasExactlyOneCertificationLink() {
        Atom entry = valid(
                as("registration").get(R + "ApplicationInformation/" + f.app().id()));
        assertEquals(1, entry.count("/atom:entry/atom:link[@href='" + CERTIFICATE + "']"));
        assertOneCertificationLink(entry, "ApplicationInformation entry");
        Atom feed = valid(as("data_custodian").get(R + "ApplicationInformation"));
        assertEquals(1, feed.count("/atom:feed/atom:link[@href='" + CERTIFICATE + "']"));
        assertOneCertificationLink(feed, "ApplicationInformation feed");
    }

    @Test
    void CERT002_authorizationFeed_hasExactlyOneCertificationLink() {
        Atom feed = valid(as("client_credentials").get(R + "Authorization"));
        assertEquals(1, feed.count("/atom:feed/atom:link[@href='" + CERTIFICATE + "']"));
        assertOneCertificationLink(feed, "Authorization feed");
    }

    @Test
    void CERT003_authorizationEntry_hasExactlyOneCertificationLink() {
        Atom entry = valid(as("client_credentials").get(authorization()));
        assertEquals(1, entry.count("/atom:entry/atom:link[@href='" + CERTIFICATE + "']"));
        assertOneCertificationLink(entry, "Authorization entry");
    }

    @Test
    void CERT004_everyUsageDocumentAndTheServiceStatus_haveExactlyOneCertificationLink() {
        String form = subscription().replace("Batch/Subscription", "Subscription");
        Atom points = valid(as("customer").get(form + "/UsagePoint"));
        String point = lastSegment(points.text("/atom:feed/atom:entry[1]/atom:link[@rel='self']/@href"));
        for (String p :
                List.of(subscription(), form + "/UsagePoint", form + "/UsagePoint/" + point, R + "ReadingType")) {
            assertOneCertificationLink(valid(as("customer").get(p)), p);
        }
        assertOneCertificationLink(valid(as("data_custodian").get(R + "ReadServiceStatus")), "ReadServiceStatus");
    }

    @Test
    void FND002_applicationInformation_carriesThirdPartyUserPortalScreenUri() {
        Atom entry = valid(
                as("registration").get(R + "ApplicationInformation/" + f.app().id()));
        assertEquals(
                ThirdParties.USER_PORTAL,
                entry.text("//espi:ApplicationInformation/espi:thirdPartyUserPortalScreenURI"));
        assertEquals(
                ThirdParties.USER_PORTAL,
                f.app().body().getString("third_party_user_portal_screen_uri"),
                "the registration answer says what was registered");

        Api.Reply refused = f.admin()
                .postJson(
                        "oauth/register",
                        ThirdParties.registration("unsafe portal", ThirdParties.NOTIFY)
                                .replace("}", ",\"third_party_user_portal_screen_uri\":\"http://app.example.com/\"}"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_client_metadata", refused.json().getString("error"));
        assertTrue(
                refused.json().getString("error_description").contains("third_party_user_portal_screen_uri"),
                refused.body());
    }

    /** Both periods, each with its duration and start, as FND004 reads them; answers them as "start/duration". */
    private static String periods(String authorizationUri) {
        Atom entry = valid(as("data_custodian").get(path(authorizationUri)));
        for (String period : List.of("authorizedPeriod", "publishedPeriod")) {
            assertEquals(1, entry.count("//espi:Authorization/espi:" + period + "/espi:start"), period);
            assertEquals(1, entry.count("//espi:Authorization/espi:" + period + "/espi:duration"), period);
        }
        return entry.text("//espi:authorizedPeriod/espi:start") + "/"
                + entry.text("//espi:authorizedPeriod/espi:duration")
                + " " + entry.text("//espi:publishedPeriod/espi:start") + "/"
                + entry.text("//espi:publishedPeriod/espi:duration");
    }

    @Test
    void FND004_everyKindOfAuthorization_carriesAuthorizedAndPublishedPeriod() {
        ThirdParties.Registered script = ThirdParties.register(
                f.admin(),
                "{\"client_name\":\"Periods script\",\"redirect_uris\":[\"" + REDIRECT
                        + "\"],\"grant_types\":[\"password\",\"refresh_token\",\"client_credentials\"],"
                        + "\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY + "\",\"scopes\":[\""
                        + ThirdParties.OTHER_SCOPE + "\"]}");
        Api.Reply password = Api.withAuthorization(f.base(), null)
                .token(
                        script.basic(),
                        "grant_type=password&username=" + f.username() + "&password=pass-" + f.username());
        assertEquals(200, password.status(), password.body());
        Api.Reply consent = new ConsentFlow(f.base())
                .consent(
                        ThirdParties.authorizeQuery(f.other(), REDIRECT, ThirdParties.OTHER_SCOPE, "s", null),
                        f.username(),
                        "pass-" + f.username(),
                        "approve",
                        null,
                        LocalDate.now().plusMonths(2).toString());
        JsonObject code = Api.withAuthorization(f.base(), null)
                .token(
                        f.other().basic(),
                        "grant_type=authorization_code&code="
                                + enc(ConsentFlow.query(consent).get("code")) + "&redirect_uri=" + enc(REDIRECT))
                .json();
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("offline", f.customer().getString("authorizationURI"));
        kinds.put("authorization_code", code.getString("authorizationURI"));
        kinds.put("password", password.json().getString("authorizationURI"));
        for (String scope : List.of("ThirdParty_Admin_Access", "FB=36_40")) {
            kinds.put(
                    scope,
                    Api.withAuthorization(f.base(), null)
                            .token(f.app().basic(), "grant_type=client_credentials&scope=" + enc(scope))
                            .json()
                            .getString("authorizationURI"));
        }
        kinds.forEach((kind, uri) -> assertTrue(periods(uri).matches("\\d+/\\d+ \\d+/\\d+"), kind));
    }

    @Test
    void FND004_periodsStayTrueAfterRefreshAndRevocation() throws Exception {
        JsonObject granted = ThirdParties.offline(f.admin(), f.app(), f.customerId(), ThirdParties.SCOPE, null);
        String uri = granted.getString("authorizationURI");
        String before = periods(uri);
        long until = ThirdParties.offlineUntil().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        String[] authorized = before.split(" ")[0].split("/");
        assertTrue(
                Math.abs(Long.parseLong(authorized[0]) + Long.parseLong(authorized[1]) - until) <= 86_400,
                "authorizedPeriod ends on the day chosen: " + before);

        Api.Reply refreshed = ThirdParties.refresh(f.base(), f.app(), granted.getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(before, periods(uri), "a refresh changes no period");

        Thread.sleep(1100);
        assertEquals(204, as("client_credentials").delete(path(uri)).status());
        String after = periods(uri);
        String[] ended = after.split(" ")[0].split("/");
        assertEquals(authorized[0], ended[0], "the start stays");
        assertTrue(
                Long.parseLong(ended[1]) > 0 && Long.parseLong(ended[1]) < Long.parseLong(authorized[1]),
                "a revoked Authorization ends when it was revoked: " + before + " then " + after);
        assertEquals(
                Long.parseLong(after.split(" ")[1].split("/")[0])
                        + Long.parseLong(after.split(" ")[1].split("/")[1]),
                Long.parseLong(ended[0]) + Long.parseLong(ended[1]),
                "and so does the data it opens: " + after);
    }

    @Test
    void QRY002_oauthResourceFeeds_answer400NamingABadOrRepeatedParameter() {
        for (String feed : List.of(R + "Authorization", R + "ApplicationInformation")) {
            for (String bad : List.of(
                    "published-min=All",
                    "published-max=03/01/2016",
                    "updated-min=All",
                    "updated-max=03/01/2016",
                    "max-results=All",
                    "start-index=All",
                    "depth=All",
                    "max-results=1&max-results=2")) {
                Api.Reply r = as("data_custodian").get(feed + "?" + bad);
                assertEquals(400, r.status(), feed + "?" + bad + ": " + r.body());
                String parameter = bad.substring(0, bad.indexOf('='));
                assertTrue(r.json().getString("message").contains(parameter), r.body());
            }
        }
        assertEquals(
                400,
                as("data_custodian").get(authorization() + "?published-min=All").status());
    }

    @Test
    void RP14_oauthResourceFeeds_applyPagingAndTimeBounds() {
        for (String feed : List.of(R + "Authorization", R + "ApplicationInformation")) {
            List<String> all = valid(as("data_custodian").get(feed)).texts("/atom:feed/atom:entry/atom:id");
            assertTrue(all.size() >= 2, feed + " " + all);
            Atom second = valid(as("data_custodian").get(feed + "?start-index=2&max-results=1"));
            assertEquals(List.of(all.get(1)), second.texts("/atom:feed/atom:entry/atom:id"), feed);
            assertEquals(all.size() > 2 ? 1 : 0, second.count("/atom:feed/atom:link[@rel='next']"), feed);
            assertEquals(1, second.count("/atom:feed/atom:link[@rel='previous']"), feed);
            assertEquals(
                    0,
                    valid(as("data_custodian").get(feed + "?updated-min=2999-01-01T00:00:00Z"))
                            .count("//atom:entry"),
                    feed);
            assertEquals(
                    0,
                    valid(as("data_custodian").get(feed + "?published-max=2000-01-01T00:00:00Z"))
                            .count("//atom:entry"),
                    feed);
            assertEquals(
                    all.size(),
                    valid(as("data_custodian").get(feed + "?published-min=2000-01-01T00:00:00Z&depth=1000"))
                            .count("//atom:entry"),
                    feed);
        }
    }

    @Test
    void OA17_registeredScopeWithTrailingSemicolon_isTheSameScope() {
        String scope = "FB=1_3_4_5_13;IntervalDuration=3600;HistoryLength=3";
        ThirdParties.Registered semicolon = ThirdParties.register(
                f.admin(),
                ThirdParties.registration("Semicolon app", ThirdParties.NOTIFY, scope + ";")
                        .replace("http://127.0.0.1:9/cb", REDIRECT));
        Api.Reply page =
                new ConsentFlow(f.base()).authorize(ThirdParties.authorizeQuery(semicolon, REDIRECT, scope, "s", null));
        assertEquals(200, page.status(), "asked without the ';': " + page.header("Location"));
        assertNotEquals(
                null,
                ThirdParties.offline(f.admin(), semicolon, f.customerId(), scope, null)
                        .getString("refresh_token"),
                "offline authorization with the scope without the ';'");
    }
}
