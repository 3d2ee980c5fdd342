package dev.gbconnect.custodian.conformance;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static dev.gbconnect.custodian.testsupport.OAuthAnswers.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GBA CMD certification, the OAuth flows of a third party (GREEN-BUTTON-CMD.md A3, A4, SC-06) with {@code
 * custodian.gba-harness} off: registration and secrets, the authorization endpoint's checks, consent, the code and
 * refresh grants with their attacks, and the Authorization each grant leaves. Methods named after a checklist item
 * prove it; the others guard what the items leave open. The pages are driven by a cookie-keeping HTTP client;
 * ConsentPageIT uses Chromium.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthFlowConformanceIT {

    private static final String R = "espi/1_1/resource/";

    private static final String REDIRECT = "http://127.0.0.1:9/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    URI base;
    Api admin;
    ThirdParties.Registered app;
    String username, customerId;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        app = ThirdParties.confidential(admin, REDIRECT);
    }

    /** This test's customer, with the three usage points of a sample, made on first use: many cases need none. */
    String username() {
        if (username == null) {
            String name = "tp-" + UUID.randomUUID().toString().substring(0, 8);
            String id = admin.newCustomer(name);
            Api.Reply upload = admin.upload(id, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"));
            assertEquals(201, upload.status(), upload.body());
            username = name;
            customerId = id;
        }
        return username;
    }

    String customerId() {
        username();
        return customerId;
    }

    Api anonymous() {
        return Api.withAuthorization(base, null);
    }

    /** The customer approves every offered usage point; the answer is the code. */
    String code(ThirdParties.Registered client, String verifier) {
        return ConsentFlow.query(approve(client, "xyz", verifier)).get("code");
    }

    /** The customer approves every offered usage point for six months: the redirect back to the client. */
    Api.Reply approve(ThirdParties.Registered client, String state, String verifier) {
        Api.Reply answer = new ConsentFlow(base)
                .consent(
                        ThirdParties.authorizeQuery(client, REDIRECT, ThirdParties.SCOPE, state, verifier),
                        username(),
                        "pass-" + username(),
                        "approve",
                        null,
                        LocalDate.now().plusMonths(6).toString());
        assertEquals(303, answer.status(), answer.body());
        return answer;
    }

    Api.Reply redeem(ThirdParties.Registered client, String code, String verifier) {
        return anonymous()
                .token(
                        client.basic(),
                        "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT)
                                + (verifier == null ? "" : "&code_verifier=" + verifier));
    }

    /** The ESPI resource at this absolute URI, read with the data custodian's token and schema-valid. */
    Atom read(String uri) {
        Api.Reply r = admin.get(uri.substring(base.toString().length()));
        assertEquals(200, r.status(), uri + ": " + r.body());
        return Atom.valid(r.body());
    }

    Api bearer(String token) {
        return Api.withAuthorization(base, "Bearer " + token);
    }

    /** The customer approves only these usage points with this scope; answers the code's token response. */
    JsonObject consented(String scope, List<String> usagePoints) {
        Api.Reply answer = new ConsentFlow(base)
                .consent(
                        ThirdParties.authorizeQuery(app, REDIRECT, scope, "s", VERIFIER),
                        username(),
                        "pass-" + username(),
                        "approve",
                        usagePoints,
                        LocalDate.now().plusMonths(6).toString());
        Api.Reply token = redeem(app, ConsentFlow.query(answer).get("code"), VERIFIER);
        assertEquals(200, token.status(), token.body());
        return token.json();
    }

    boolean active(String accessToken) {
        return anonymous()
                .postForm("oauth/introspect", Api.basic(Api.IT_ADMIN, Api.IT_SECRET), "token=" + enc(accessToken))
                .json()
                .getBoolean("active");
    }

    @Test
    void registerWhenAdminTokenThenSecretShownOnceAndClientCredentialsWork() {
        JsonObject r = app.body();
        assertTrue(app.secret().matches("[A-Za-z0-9_-]{43}"), "256-bit secret: " + app.secret());
        assertEquals(0, r.getInt("client_secret_expires_at"));
        assertEquals(
                List.of(REDIRECT), r.getJsonArray("redirect_uris").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("client_secret_basic", r.getString("token_endpoint_auth_method"));
        assertEquals(base.resolve("oauth/register/" + app.id()).toString(), r.getString("registration_client_uri"));

        Api.Reply read = admin.get("oauth/register/" + app.id());
        assertEquals(200, read.status(), read.body());
        assertFalse(read.body().contains(app.secret()), "the secret is shown once only");

        Api.Reply token = anonymous().token(app.basic(), "grant_type=client_credentials");
        assertEquals(200, token.status(), token.body());
        assertEquals("ThirdParty_Admin_Access", token.json().getString("scope"));
        assertTrue(token.json().getString("resourceURI").endsWith("/espi/1_1/resource/Authorization"), token.body());
        assertTrue(
                token.json().getString("authorizationURI").matches(".*/espi/1_1/resource/Authorization/[0-9a-f-]{36}"),
                token.body());
        assertEquals(
                403,
                Api.withAuthorization(base, "Bearer " + token.json().getString("access_token"))
                        .get("admin/customers")
                        .status());
    }

    @Test
    void registerWhenCallerIsNotTheAdminThenRefused() {
        assertEquals(
                401,
                anonymous()
                        .postJson("oauth/register", "{\"client_name\":\"x\"}")
                        .status());
        String thirdPartyToken = anonymous()
                .token(app.basic(), "grant_type=client_credentials")
                .json()
                .getString("access_token");
        Api.Reply r = Api.withAuthorization(base, "Bearer " + thirdPartyToken)
                .postJson("oauth/register", "{\"client_name\":\"x\"}");
        assertEquals(403, r.status(), r.body());
    }

    @Test
    void registerWhenMetadataUnsafeThenRfc7591Error() {
        for (String redirect : List.of(
                "http://app.example.com/cb",
                "https://app.example.com/cb#frag",
                "https://user@app.example.com/cb",
                "/relative")) {
            Api.Reply r = admin.postJson(
                    "oauth/register",
                    "{\"client_name\":\"x\",\"redirect_uris\":[\"" + redirect + "\"],\"scopes\":[\""
                            + ThirdParties.SCOPE + "\"]}");
            assertEquals(400, r.status(), redirect + ": " + r.body());
            assertEquals("invalid_redirect_uri", r.json().getString("error"), redirect);
        }
        Api.Reply badScope = admin.postJson(
                "oauth/register",
                "{\"client_name\":\"x\",\"redirect_uris\":[\"" + REDIRECT + "\"],\"scopes\":[\"everything\"]}");
        assertEquals("invalid_client_metadata", badScope.json().getString("error"), badScope.body());
        Api.Reply publicWithCc = admin.postJson(
                "oauth/register",
                "{\"client_name\":\"x\",\"redirect_uris\":[\"" + REDIRECT + "\"],\"scopes\":[\"" + ThirdParties.SCOPE
                        + "\"],\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"client_credentials\"]}");
        assertEquals("invalid_client_metadata", publicWithCc.json().getString("error"), publicWithCc.body());
    }

    @Test
    void secretsWhenRotatedThenTwoAtMostAndTheRevokedOneFails() {
        Api.Reply second = admin.postJson("oauth/register/" + app.id() + "/secrets", "");
        assertEquals(201, second.status(), second.body());
        String newSecret = second.json().getString("client_secret");
        Api.Reply third = admin.postJson("oauth/register/" + app.id() + "/secrets", "");
        assertEquals(409, third.status(), third.body());

        assertEquals(
                200,
                anonymous().token(app.basic(), "grant_type=client_credentials").status(),
                "old secret works during rotation");
        assertEquals(
                200,
                anonymous()
                        .token(Api.basic(app.id(), newSecret), "grant_type=client_credentials")
                        .status());

        String oldId = admin.get("oauth/register/" + app.id())
                .json()
                .getJsonArray("secrets")
                .getJsonObject(0)
                .getString("id");
        assertEquals(
                204,
                admin.delete("oauth/register/" + app.id() + "/secrets/" + oldId).status());
        assertEquals(
                401,
                anonymous().token(app.basic(), "grant_type=client_credentials").status(),
                "revoked secret refused");
        assertEquals(
                200,
                anonymous()
                        .token(Api.basic(app.id(), newSecret), "grant_type=client_credentials")
                        .status());
    }

    /** OA-02: client_secret_basic is the method ESPI defines; without it, or with a wrong secret, 401. */
    @Test
    void OA02_tokenEndpointClientAuthenticationIsBasicAndMissingOrWrongIs401() {
        assertEquals(
                "client_secret_basic",
                read(base + R + "ApplicationInformation/" + app.id())
                        .text("//espi:ApplicationInformation/espi:token_endpoint_auth_method"));
        String grant = "grant_type=authorization_code&code=x&redirect_uri=" + enc(REDIRECT);
        assertError(anonymous().token(null, grant), 401, "invalid_client", "no Basic header");
        assertError(anonymous().token(Api.basic(app.id(), "wrong"), grant), 401, "invalid_client", "wrong secret");
        assertError(anonymous().token("Basic !!!", grant), 401, "invalid_client", "not base64");
        assertError(anonymous().token(app.basic(), grant), 400, "invalid_grant", "the right Basic header");
    }

    /** OA-08: every malformed or unknown code exchange is 400 (reuse, another client, redirect: below). */
    @Test
    void OA08_codeExchangeWithoutGrantTypeCodeOrRedirectUriOrWithAnUnknownCodeIs400() {
        String code = code(app, VERIFIER);
        String rest = "&code_verifier=" + VERIFIER;
        assertError(
                anonymous().token(app.basic(), "code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT) + rest),
                400,
                "invalid_request",
                "no grant_type");
        assertError(
                anonymous().token(app.basic(), "grant_type=authorization_code&redirect_uri=" + enc(REDIRECT) + rest),
                400,
                "invalid_request",
                "no code");
        Api.Reply noRedirect = anonymous().token(app.basic(), "grant_type=authorization_code&code=" + enc(code) + rest);
        assertEquals(400, noRedirect.status(), "no redirect_uri though the request named one: " + noRedirect.body());
        assertError(
                anonymous()
                        .token(
                                app.basic(),
                                "grant_type=authorization_code&code=unknown-code&redirect_uri=" + enc(REDIRECT) + rest),
                400,
                "invalid_grant",
                "an unknown code");
    }

    /** OA-15: the data custodian's staff end an Authorization on request; its access token then gets 401. */
    @Test
    void OA15_accessTokenOfAnAuthorizationStaffEnded_is401InvalidToken() {
        JsonObject t = consented(ThirdParties.SCOPE, null);
        Api customer = bearer(t.getString("access_token"));
        String subscription =
                t.getString("resourceURI").substring(base.toString().length());
        assertEquals(200, customer.get(subscription).status());
        String id = t.getString("authorizationURI")
                .substring(t.getString("authorizationURI").lastIndexOf('/') + 1);
        assertEquals(204, admin.delete(R + "Authorization/" + id).status());
        Api.Reply expired = customer.get(subscription);
        assertEquals(401, expired.status(), expired.body());
        assertTrue(expired.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    /**
     * OA-18 (FB_31 without pre-negotiated scope) and AL-07: the third party starts at the authorization endpoint; the
     * consent page shows the customer's usage points and the period, the customer picks one, and the token, its
     * Authorization and its Subscription hold exactly that.
     */
    @Test
    void OA18_directFlow_customerChoosesWhatIsSharedAndTheRegisteredScopeIsReturned() {
        ConsentFlow browser = new ConsentFlow(base);
        Api.Reply signInPage =
                browser.authorize(ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.OTHER_SCOPE, "s", VERIFIER));
        Api.Reply signedIn = browser.signIn(ConsentFlow.handle(signInPage), username(), "pass-" + username());
        Api.Reply page = browser.get(signedIn.header("Location"));
        assertEquals(200, page.status());
        List<String> offered = ConsentFlow.usagePointsOffered(page);
        assertEquals(3, offered.size(), "every usage point of the customer is offered");
        assertTrue(page.body().contains("name=\"until\""), "the customer chooses the period");
        Api.Reply answer = browser.decide(
                ConsentFlow.handle(page),
                "approve",
                offered.subList(0, 1),
                LocalDate.now().plusMonths(1).toString());
        JsonObject t =
                redeem(app, ConsentFlow.query(answer).get("code"), VERIFIER).json();
        assertEquals(ThirdParties.OTHER_SCOPE, t.getString("scope"));
        assertEquals(
                ThirdParties.OTHER_SCOPE, read(t.getString("authorizationURI")).text("//espi:scope"));
        Atom feed = Atom.valid(bearer(t.getString("access_token"))
                .get(t.getString("resourceURI").substring(base.toString().length()))
                .body());
        assertEquals(1, feed.count("//espi:UsagePoint"), "only the usage point chosen");
    }

    /** OA-19: the flow started at the data custodian's screen named in ApplicationInformation. */
    @Test
    void OA19_preNegotiatedFlow_dataCustodianScreenSendsTheCustomerToTheThirdPartyWithItsScopes() {
        String start = read(base + R + "ApplicationInformation/" + app.id())
                .text("//espi:ApplicationInformation/espi:dataCustodianScopeSelectionScreenURI");
        ConsentFlow browser = new ConsentFlow(base);
        Api.Reply go = browser.get(start);
        assertEquals(303, go.status(), start + ": " + go.body());
        String location = go.header("Location");
        assertTrue(location.startsWith(ThirdParties.SCOPE_SELECTION + "&scope="), location);
        assertTrue(
                location.contains("scope=" + enc(ThirdParties.SCOPE))
                        && location.contains("scope=" + enc(ThirdParties.OTHER_SCOPE)),
                location);
        assertTrue(location.endsWith("&DataCustodianID=data-custodian"), location);

        Api.Reply list = browser.get("oauth/scope-selection");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("client_id=" + app.id()), "every third party is listed: " + list.body());
        assertEquals(404, browser.get("oauth/scope-selection?client_id=nobody").status());
        assertEquals(
                200,
                browser.authorize(ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.OTHER_SCOPE, "s", VERIFIER))
                        .status(),
                "the third party then starts the authorization request with a scope it was sent");
    }

    @Test
    void OA20_applicationInformationDeclaresGrantTypesResponseTypesAndClientSecretBasic() {
        Atom entry = read(base + R + "ApplicationInformation/" + app.id());
        List<String> grants = entry.texts("//espi:ApplicationInformation/espi:grant_types");
        assertTrue(
                grants.containsAll(List.of("authorization_code", "client_credentials", "refresh_token")),
                grants.toString());
        assertEquals(List.of("code"), entry.texts("//espi:ApplicationInformation/espi:response_types"));
        assertEquals(
                "client_secret_basic", entry.text("//espi:ApplicationInformation/espi:token_endpoint_auth_method"));
    }

    @Test
    void AL01_applicationInformationCarriesEveryElementGbaReads() {
        Atom entry = read(base + R + "ApplicationInformation/" + app.id());
        for (String element : List.of(
                "dataCustodianId",
                "dataCustodianApplicationStatus",
                "thirdPartyNotifyUri",
                "authorizationServerAuthorizationEndpoint",
                "authorizationServerTokenEndpoint",
                "dataCustodianBulkRequestURI",
                "dataCustodianResourceEndpoint",
                "thirdPartyScopeSelectionScreenURI",
                "thirdPartyUserPortalScreenURI",
                "client_secret",
                "client_name",
                "client_uri",
                "client_id",
                "software_id",
                "software_version",
                "client_id_issued_at",
                "client_secret_expires_at",
                "token_endpoint_auth_method",
                "scope",
                "grant_types",
                "response_types",
                "registration_client_uri",
                "registration_access_token",
                "dataCustodianScopeSelectionScreenURI")) {
            assertTrue(entry.count("//espi:ApplicationInformation/espi:" + element) >= 1, element);
        }
        assertEquals("2", entry.text("//espi:dataCustodianApplicationStatus"), "2 Production");
        assertEquals(2, entry.count("//espi:ApplicationInformation/espi:scope"), "both registered scopes");
    }

    /** AL-03: the Authorization a grant creates, as GBA's FND004 reads it; its self link is the authorizationURI. */
    @Test
    void AL03_everyTokenIssueLeavesACompleteAuthorizationAtItsAuthorizationUri() {
        JsonObject code = consented(ThirdParties.SCOPE, null);
        JsonObject backOffice =
                anonymous().token(app.basic(), "grant_type=client_credentials").json();
        for (JsonObject t : List.of(code, backOffice)) {
            Atom entry = read(t.getString("authorizationURI"));
            assertEquals(t.getString("authorizationURI"), entry.text("/atom:entry/atom:link[@rel='self']/@href"));
            for (String element : List.of(
                    "authorizedPeriod/espi:duration",
                    "authorizedPeriod/espi:start",
                    "publishedPeriod/espi:duration",
                    "publishedPeriod/espi:start",
                    "status",
                    "expires_at",
                    "scope",
                    "token_type",
                    "resourceURI",
                    "authorizationURI")) {
                assertEquals(1, entry.count("//espi:Authorization/espi:" + element), element + " in " + t);
            }
            assertEquals("1", entry.text("//espi:Authorization/espi:status"));
            assertEquals(t.getString("resourceURI"), entry.text("//espi:Authorization/espi:resourceURI"));
            assertEquals(t.getString("scope"), entry.text("//espi:Authorization/espi:scope"));
            long expires = Long.parseLong(entry.text("//espi:Authorization/espi:expires_at"));
            assertTrue(
                    Math.abs(expires - (Instant.now().getEpochSecond() + t.getInt("expires_in"))) < 120,
                    "expires_at is absolute epoch seconds: " + expires);
        }
    }

    /** AL-04: the Authorization mirrors the token: its scope, and expires_at moving with a refresh. */
    @Test
    void AL04_authorizationScopeIsTheTokensAndARefreshMovesExpiresAt() throws Exception {
        JsonObject t = consented(ThirdParties.OTHER_SCOPE, null);
        Atom before = read(t.getString("authorizationURI"));
        assertEquals(t.getString("scope"), before.text("//espi:Authorization/espi:scope"));
        Thread.sleep(1100);
        JsonObject refreshed =
                ThirdParties.refresh(base, app, t.getString("refresh_token")).json();
        Atom after = read(refreshed.getString("authorizationURI"));
        assertTrue(
                Long.parseLong(after.text("//espi:expires_at")) > Long.parseLong(before.text("//espi:expires_at")),
                "expires_at follows the new access token");
        assertEquals(refreshed.getString("scope"), after.text("//espi:Authorization/espi:scope"));
    }

    /** AL-05: periods and times fit UInt32; a back-office Authorization, which has no end, reads duration 0. */
    @Test
    void AL05_periodsFitUInt32AndNoEndIsDurationZero() {
        String standing = anonymous()
                .token(app.basic(), "grant_type=client_credentials")
                .json()
                .getString("authorizationURI");
        Atom open = read(standing);
        assertEquals("0", open.text("//espi:authorizedPeriod/espi:duration"), "no end");
        for (String uri : List.of(standing, consented(ThirdParties.SCOPE, null).getString("authorizationURI"))) {
            Atom entry = read(uri);
            for (String value : entry.texts(
                    "//espi:Authorization/*/espi:duration | //espi:Authorization/*/espi:start | //espi:expires_at")) {
                long v = Long.parseLong(value);
                assertTrue(v >= 0 && v <= 0xFFFF_FFFFL, uri + ": " + value);
            }
        }
    }

    /** AL-06: nothing of the customer (username, name "Test {username}", customer id) in an Authorization. */
    @Test
    void AL06_authorizationCarriesNoPersonalData() {
        String entry = admin.get(consented(ThirdParties.SCOPE, null)
                        .getString("authorizationURI")
                        .substring(base.toString().length()))
                .body();
        Atom.valid(entry);
        for (String personal : List.of(username(), customerId())) {
            assertFalse(entry.contains(personal), personal + " in " + entry);
        }
    }

    /** AL-07: the Subscription holds exactly the usage points chosen, and its token reads no other customer's. */
    @Test
    void AL07_subscriptionHoldsExactlyTheChosenUsagePointsAndItsTokenNoOtherSubscription() {
        String other = admin.newCustomer("al07-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(
                201,
                admin.upload(other, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        String othersSubscription = ThirdParties.offline(admin, app, other, ThirdParties.SCOPE, null)
                .getString("resourceURI")
                .substring(base.toString().length());
        List<String> points = admin.inventory(customerId()).stream()
                .map(p -> p.asJsonObject().getString("id"))
                .toList();
        List<String> chosen = points.subList(0, 2);
        JsonObject t = consented(ThirdParties.SCOPE, chosen);
        Api customer = bearer(t.getString("access_token"));
        Atom feed = Atom.valid(customer.get(
                        t.getString("resourceURI").substring(base.toString().length()))
                .body());
        assertEquals(2, feed.count("//espi:UsagePoint"));
        Api.Reply foreign = customer.get(othersSubscription);
        assertEquals(404, foreign.status(), "outside harness mode as a missing id; 403 in it: " + foreign.body());
        String own =
                t.getString("resourceURI").substring(base.toString().length()).replace("Batch/", "");
        String left = points.get(2);
        assertEquals(404, customer.get(own + "/UsagePoint/" + left).status(), "the usage point not chosen");
    }

    /** AL-11: one consent covers several usage points (GBA's bulk authorization concept). */
    @Test
    void AL11_oneAuthorizationCoversEveryUsagePointTheCustomerChose() {
        JsonObject t = consented(ThirdParties.SCOPE, null);
        Atom feed = Atom.valid(bearer(t.getString("access_token"))
                .get(t.getString("resourceURI").substring(base.toString().length()))
                .body());
        assertEquals(3, feed.count("//espi:UsagePoint"), "all three in one Authorization");
    }

    /**
     * SC-06: codes, tokens, client ids and secrets carry at least 48 random bits (here 256: 43 base64url characters)
     * and nothing of the customer.
     */
    @Test
    void SC06_codesTokensAndClientCredentialsAreLongRandomAndCarryNoCustomerData() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            String code = code(app, VERIFIER);
            JsonObject t = redeem(app, code, VERIFIER).json();
            for (String secret : List.of(code, t.getString("access_token"), t.getString("refresh_token"))) {
                assertTrue(secret.matches("[A-Za-z0-9_-]{43,}"), secret);
                assertTrue(seen.add(secret), "never twice: " + secret);
                assertFalse(secret.contains(username()) || secret.contains(customerId()), secret);
            }
            String id = t.getString("resourceURI")
                    .substring(t.getString("resourceURI").lastIndexOf('/') + 1);
            assertFalse(id.contains(username()), id);
        }
        assertTrue(app.secret().matches("[A-Za-z0-9_-]{43}"), app.secret());
        assertTrue(app.id().length() >= 12, app.id());
    }

    @Test
    void OA14_registrationToken_namesItsApplicationInformationAndAnAuthorizationAndReadsOnlyItsOwn() {
        JsonObject token = anonymous()
                .token(app.basic(), "grant_type=client_credentials&scope=FB%3D36_40")
                .json();
        assertEquals(
                base.resolve("espi/1_1/resource/ApplicationInformation/" + app.id())
                        .toString(),
                token.getString("resourceURI"));
        assertTrue(token.getString("authorizationURI").matches(".*/" + R + "Authorization/[^/]+"), token.toString());
        Api own = Api.withAuthorization(base, "Bearer " + token.getString("access_token"));
        assertEquals(200, own.get("oauth/register/" + app.id()).status());
        ThirdParties.Registered other = ThirdParties.confidential(admin, REDIRECT);
        assertEquals(404, own.get("oauth/register/" + other.id()).status());
    }

    @Test
    void suspendWhenAdminSuspendsClientThenItsTokensStopAtOnce() {
        String code = code(app, VERIFIER);
        String access = redeem(app, code, VERIFIER).json().getString("access_token");
        assertTrue(active(access));

        assertEquals(
                200,
                admin.patchJson("oauth/register/" + app.id(), "{\"status\":\"SUSPENDED\"}")
                        .status());
        assertFalse(active(access), "a suspended client's tokens stop at once");
        assertEquals(
                401,
                anonymous().token(app.basic(), "grant_type=client_credentials").status());

        assertEquals(
                200,
                admin.patchJson("oauth/register/" + app.id(), "{\"status\":\"ACTIVE\"}")
                        .status());
        assertTrue(active(access));
        assertEquals(
                200,
                admin.patchJson("oauth/register/" + app.id(), "{\"status\":\"REVOKED\"}")
                        .status());
        assertEquals(
                409,
                admin.patchJson("oauth/register/" + app.id(), "{\"status\":\"ACTIVE\"}")
                        .status(),
                "revoked is final");
    }

    @Test
    void OA06_approvalRedirectsWithACodeAndTheStateUnchanged() {
        Api.Reply answer = approve(app, "state-1", VERIFIER);
        Map<String, String> q = ConsentFlow.query(answer);
        assertTrue(answer.header("Location").startsWith(REDIRECT + "?"), answer.header("Location"));
        assertEquals("state-1", q.get("state"));
        assertTrue(q.get("code").length() >= 43, q.toString());
        assertEquals(base.toString().replaceAll("/$", ""), q.get("iss"), "RFC 9207 issuer");
    }

    @Test
    void OA07_codeExchange_answersTheEspiTokenMembersAndNoOthers() {
        Api.Reply token = redeem(app, code(app, VERIFIER), VERIFIER);
        assertEquals(200, token.status(), token.body());
        assertEquals("no-store", token.header("Cache-Control"));
        JsonObject t = token.json();
        assertEquals("Bearer", t.getString("token_type"));
        assertTrue(t.getInt("expires_in") > 0, t.toString());
        assertFalse(t.getString("refresh_token").isBlank());
        assertEquals(ThirdParties.SCOPE, t.getString("scope"));
        assertTrue(t.getString("resourceURI").matches(".*/" + R + "Batch/Subscription/[0-9a-f-]{36}"), t.toString());
        assertTrue(t.getString("authorizationURI").matches(".*/" + R + "Authorization/[0-9a-f-]{36}"), t.toString());
        assertEquals(
                Set.of(
                        "access_token",
                        "token_type",
                        "expires_in",
                        "refresh_token",
                        "scope",
                        "resourceURI",
                        "authorizationURI"),
                t.keySet(),
                "no other members, no *_id, and no customerResourceURI without personal information (FB_53)");
        assertTrue(active(t.getString("access_token")));
    }

    @Test
    void OA10_refreshGrant_answersTheEspiTokenMembers() {
        JsonObject first = redeem(app, code(app, VERIFIER), VERIFIER).json();
        Api.Reply r = anonymous()
                .token(
                        app.basic(),
                        "grant_type=refresh_token&refresh_token=" + enc(first.getString("refresh_token")) + "&scope="
                                + enc(ThirdParties.SCOPE));
        assertEquals(200, r.status(), r.body());
        JsonObject t = r.json();
        for (String member : List.of("access_token", "token_type", "refresh_token", "scope")) {
            assertFalse(t.getString(member).isBlank(), member);
        }
        assertTrue(t.getInt("expires_in") > 0);
        assertEquals(ThirdParties.SCOPE, t.getString("scope"));
        assertEquals(first.getString("resourceURI"), t.getString("resourceURI"));
        assertEquals(first.getString("authorizationURI"), t.getString("authorizationURI"));
    }

    /** OA-16: rotation on use (GBA's recommendation), a reused refresh token ends the family; lifetime 1 h. */
    @Test
    void OA16_refreshTokensRotateAndAReusedOneEndsTheFamily() {
        JsonObject t = redeem(app, code(app, VERIFIER), VERIFIER).json();
        assertEquals(3600, t.getInt("expires_in"), "GBA recommends about an hour");
        JsonObject next =
                ThirdParties.refresh(base, app, t.getString("refresh_token")).json();
        assertTrue(active(next.getString("access_token")));
        assertFalse(next.getString("refresh_token").equals(t.getString("refresh_token")), "rotated");

        Api.Reply reuse = ThirdParties.refresh(base, app, t.getString("refresh_token"));
        assertEquals(400, reuse.status());
        assertEquals("invalid_grant", reuse.json().getString("error"));
        assertFalse(active(next.getString("access_token")), "reuse revokes the whole family");
        assertEquals(
                "invalid_grant",
                ThirdParties.refresh(base, app, next.getString("refresh_token"))
                        .json()
                        .getString("error"));
    }

    @Test
    void OA11_refreshWithoutGrantTypeOrTokenOrWithAnotherScopeIs400AndTheOriginalScopeWorks() {
        JsonObject t = redeem(app, code(app, VERIFIER), VERIFIER).json();
        String refresh = "refresh_token=" + enc(t.getString("refresh_token"));
        assertError(anonymous().token(app.basic(), refresh), 400, "invalid_request", "no grant_type");
        assertError(anonymous().token(app.basic(), "grant_type=refresh_token"), 400, "invalid_request", "no token");
        assertError(
                anonymous().token(app.basic(), "grant_type=refresh_token&" + refresh + "&scope=Read%2FWrite"),
                400,
                "invalid_scope",
                "scope Read/Write");
        Api.Reply wider = anonymous()
                .token(
                        app.basic(),
                        "grant_type=refresh_token&refresh_token=" + enc(t.getString("refresh_token")) + "&scope="
                                + enc(ThirdParties.OTHER_SCOPE));
        assertEquals("invalid_scope", wider.json().getString("error"), wider.body());
        Api.Reply same = anonymous()
                .token(
                        app.basic(),
                        "grant_type=refresh_token&refresh_token=" + enc(t.getString("refresh_token")) + "&scope="
                                + enc(ThirdParties.SCOPE));
        assertEquals(200, same.status(), same.body());
    }

    @Test
    void OA08_codeReused_invalidGrantAndItsTokensRevoked() {
        String code = code(app, VERIFIER);
        JsonObject first = redeem(app, code, VERIFIER).json();
        Api.Reply again = redeem(app, code, VERIFIER);
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.json().getString("error"));
        assertFalse(active(first.getString("access_token")), "a replayed code revokes what it issued");
        assertEquals(
                "invalid_grant",
                ThirdParties.refresh(base, app, first.getString("refresh_token"))
                        .json()
                        .getString("error"));
    }

    @Test
    void OA21_pkceWrongMissingOrDowngraded_invalidGrant() {
        String code = code(app, VERIFIER);
        assertEquals("invalid_grant", redeem(app, code, "x".repeat(43)).json().getString("error"), "wrong verifier");
        assertEquals("invalid_grant", redeem(app, code, null).json().getString("error"), "missing verifier");
        assertEquals(200, redeem(app, code, VERIFIER).status(), "failed attempts do not burn the code for its owner");

        String plain = code(app, null);
        assertEquals(
                "invalid_grant",
                redeem(app, plain, VERIFIER).json().getString("error"),
                "verifier without challenge is a downgrade");
    }

    @Test
    void OA08_codeOrRefreshTokenOfAnotherClient_invalidGrant() {
        ThirdParties.Registered other = ThirdParties.confidential(admin, REDIRECT);
        String code = code(app, VERIFIER);
        assertEquals("invalid_grant", redeem(other, code, VERIFIER).json().getString("error"));
        JsonObject t = redeem(app, code, VERIFIER).json();
        assertEquals(
                "invalid_grant",
                ThirdParties.refresh(base, other, t.getString("refresh_token"))
                        .json()
                        .getString("error"));
        assertEquals(
                200,
                ThirdParties.refresh(base, app, t.getString("refresh_token")).status(),
                "the owner's family is untouched");
    }

    @Test
    void OA08_redirectUriUnlikeTheAuthorizationRequest_invalidGrant() {
        String code = code(app, VERIFIER);
        Api.Reply r = anonymous()
                .token(
                        app.basic(),
                        "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT + "/")
                                + "&code_verifier=" + VERIFIER);
        assertEquals("invalid_grant", r.json().getString("error"), r.body());
    }

    @Test
    void OA04_unknownClientOrRedirectUriNotExact_errorPageAndNoRedirect() {
        ThirdParties.Registered httpsApp = ThirdParties.confidential(admin, "https://app.example.com/cb");
        for (String redirect : List.of(
                "https://app.example.com/cb/",
                "https://evil.example.com/cb",
                "https://user@app.example.com/cb",
                "https://app.example.com/cb#x",
                "https://APP.example.com/cb")) {
            Api.Reply r = new ConsentFlow(base)
                    .authorize("response_type=code&client_id=" + httpsApp.id() + "&redirect_uri=" + enc(redirect)
                            + "&scope=" + enc(ThirdParties.SCOPE));
            assertEquals(403, r.status(), redirect);
            assertNull(r.header("Location"), redirect);
            assertTrue(r.header("Content-Type").startsWith("text/html"), redirect);
            assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals("DENY", r.header("X-Frame-Options"));
        }
        for (String client : List.of("client_id=nobody&", "")) {
            Api.Reply unknown = new ConsentFlow(base)
                    .authorize(client + "response_type=code&redirect_uri=" + enc(REDIRECT) + "&scope="
                            + enc(ThirdParties.SCOPE));
            assertEquals(400, unknown.status(), "outside harness mode (401 in it: HarnessRightsConformanceIT)");
            assertNull(unknown.header("Location"));
            assertTrue(unknown.header("Content-Type").startsWith("text/html"));
        }
    }

    @Test
    void OA03_badAuthorizationRequest_redirectsTheErrorWithStateBeforeAnySignIn() {
        Map<String, String> cases = Map.of(
                "scope=" + enc(ThirdParties.SCOPE),
                "invalid_request",
                "response_type=code&scope=" + enc("FB=????"),
                "invalid_scope",
                "response_type=token",
                "unsupported_response_type",
                "response_type=code&scope=" + enc("FB=1_3"),
                "invalid_scope",
                "response_type=code&scope=" + enc(ThirdParties.SCOPE) + "&code_challenge="
                        + ThirdParties.challenge(VERIFIER) + "&code_challenge_method=plain",
                "invalid_request",
                "response_type=code&scope=" + enc(ThirdParties.SCOPE) + "&code_challenge="
                        + ThirdParties.challenge(VERIFIER),
                "invalid_request",
                "response_type=code&response_type=code&scope=" + enc(ThirdParties.SCOPE),
                "invalid_request");
        cases.forEach((query, error) -> {
            Api.Reply r = new ConsentFlow(base)
                    .authorize(query + "&client_id=" + app.id() + "&redirect_uri=" + enc(REDIRECT) + "&state=s%7B1%7D");
            assertEquals(302, r.status(), query + ": " + r.body());
            assertTrue(r.header("Location").startsWith(REDIRECT + "?"), "not to a sign-in page: " + query);
            Map<String, String> q = ConsentFlow.query(r);
            assertEquals(error, q.get("error"), query);
            assertEquals("s{1}", q.get("state"), query);
            assertNull(q.get("code"), query);
        });
    }

    @Test
    void OA05_customerDenies_accessDeniedWithState() {
        Api.Reply answer = new ConsentFlow(base)
                .consent(
                        ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "st", VERIFIER),
                        username(),
                        "pass-" + username(),
                        "deny",
                        List.of(),
                        "");
        assertEquals(303, answer.status(), answer.body());
        assertEquals("access_denied", ConsentFlow.query(answer).get("error"));
        assertEquals("st", ConsentFlow.query(answer).get("state"));
        assertNull(ConsentFlow.query(answer).get("code"));
    }

    @Test
    void signInWhenWrongPasswordOrUnknownUserThenSameAnswer() {
        ConsentFlow browser = new ConsentFlow(base);
        String handle = ConsentFlow.handle(
                browser.authorize(ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "s", VERIFIER)));
        Api.Reply wrong = browser.signIn(handle, username(), "not-the-password");
        Api.Reply unknown = browser.signIn(handle, "nobody-" + username(), "not-the-password");
        assertEquals(200, wrong.status());
        assertTrue(wrong.body().contains("Wrong username or password."));
        assertEquals(wrong.body(), unknown.body());
    }

    @Test
    void consentWhenAnotherBrowserOrAnotherCustomersUsagePointThenRefused() {
        ConsentFlow browser = new ConsentFlow(base);
        String handle = ConsentFlow.handle(
                browser.authorize(ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "s", VERIFIER)));
        assertEquals(
                400,
                new ConsentFlow(base)
                        .signIn(handle, username(), "pass-" + username())
                        .status(),
                "the handle alone, without the cookie");

        Api.Reply signedIn = browser.signIn(handle, username(), "pass-" + username());
        Api.Reply page = browser.get(signedIn.header("Location"));
        assertEquals(3, ConsentFlow.usagePointsOffered(page).size());
        Api.Reply foreign = browser.decide(
                ConsentFlow.handle(page),
                "approve",
                List.of(UUID.randomUUID().toString()),
                LocalDate.now().plusDays(30).toString());
        assertEquals(400, foreign.status());
        assertNull(foreign.header("Location"));
        Api.Reply none = browser.decide(
                ConsentFlow.handle(page),
                "approve",
                List.of(),
                LocalDate.now().plusDays(30).toString());
        assertEquals(400, none.status());
        assertTrue(none.body().contains("Choose at least one"));
    }

    @Test
    void OA21_publicClientWhenPkceThenTokensWithoutSecretAndWithoutPkceRefused() {
        ThirdParties.Registered pub = ThirdParties.register(
                admin,
                "{\"client_name\":\"Public App\",\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY
                        + "\",\"redirect_uris\":[\"" + REDIRECT + "\"],\"scopes\":[\"" + ThirdParties.SCOPE
                        + "\"],\"token_endpoint_auth_method\":\"none\"}");
        assertNull(pub.secret());
        Api.Reply noPkce = new ConsentFlow(base)
                .authorize(ThirdParties.authorizeQuery(pub, REDIRECT, ThirdParties.SCOPE, "s", null));
        assertEquals("invalid_request", ConsentFlow.query(noPkce).get("error"));

        String code = code(pub, VERIFIER);
        Api.Reply token = anonymous()
                .token(
                        null,
                        "grant_type=authorization_code&client_id=" + pub.id() + "&code=" + enc(code) + "&redirect_uri="
                                + enc(REDIRECT) + "&code_verifier=" + VERIFIER);
        assertEquals(200, token.status(), token.body());
        assertEquals(
                401,
                anonymous()
                        .token(null, "grant_type=client_credentials&client_id=" + app.id())
                        .status(),
                "a confidential client cannot pass for a public one");
    }

    /** A third party registered for usage data with personal information (FB_53) only. */
    ThirdParties.Registered personalApp() {
        return ThirdParties.register(
                admin,
                "{\"client_name\":\"Personal Information App\",\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY
                        + "\",\"redirect_uris\":[\"" + REDIRECT + "\"],\"scopes\":[\"" + ThirdParties.PERSONAL_SCOPE
                        + "\"]}");
    }

    /** This test's customer signed in at the authorization endpoint: the consent page, in this browser. */
    Api.Reply consentPage(ConsentFlow browser, ThirdParties.Registered client, String scope) {
        Api.Reply signInPage = browser.authorize(ThirdParties.authorizeQuery(client, REDIRECT, scope, "s", VERIFIER));
        assertEquals(200, signInPage.status(), signInPage.body());
        Api.Reply signedIn = browser.signIn(ConsentFlow.handle(signInPage), username(), "pass-" + username());
        return browser.get(signedIn.header("Location"));
    }

    /** The customer allows every offered usage point, ticking personal information or not: the code's tokens. */
    JsonObject allowed(ThirdParties.Registered client, boolean personal) {
        ConsentFlow browser = new ConsentFlow(base);
        Api.Reply page = consentPage(browser, client, ThirdParties.PERSONAL_SCOPE);
        assertTrue(
                page.body()
                        .contains("<input type=\"checkbox\" id=\"personal\" name=\"personal_information\""
                                + " value=\"share\"> Your personal information: name, address, account and meter"
                                + " numbers.</label>"),
                "its own item, unticked: " + page.body());
        Api.Reply answer = browser.decide(
                ConsentFlow.handle(page),
                "approve",
                ConsentFlow.usagePointsOffered(page),
                LocalDate.now().plusMonths(6).toString(),
                personal);
        assertEquals(303, answer.status(), answer.body());
        Api.Reply token = redeem(client, ConsentFlow.query(answer).get("code"), VERIFIER);
        assertEquals(200, token.status(), token.body());
        return token.json();
    }

    /** One customer, one client, both answers: ticked, then left out (each consent is a new Authorization). */
    @Test
    void FB53_personalInformationTickedThenNamedByTokensAndAuthorizationLeftOutThenUsageOnlyAndNamedNowhere() {
        ThirdParties.Registered pii = personalApp();
        JsonObject t = allowed(pii, true);
        String customerResource = R + "Batch/RetailCustomer/" + customerId();
        assertEquals(ThirdParties.PERSONAL_SCOPE, t.getString("scope"));
        assertTrue(t.getString("customerResourceURI").endsWith("/" + customerResource), t.toString());
        assertTrue(t.getString("resourceURI").matches(".*/" + R + "Batch/Subscription/[0-9a-f-]{36}"), "and usage");
        Atom entry = read(t.getString("authorizationURI"));
        assertEquals(
                t.getString("customerResourceURI"),
                entry.text("//espi:Authorization/espi:authorizationURI/following-sibling::espi:customerResourceURI"),
                "in espi.xsd's place, after authorizationURI");
        Api.Reply refreshed = ThirdParties.refresh(base, pii, t.getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(t.getString("customerResourceURI"), refreshed.json().getString("customerResourceURI"));

        JsonObject usageOnly = allowed(pii, false);
        assertEquals(
                ThirdParties.SCOPE, usageOnly.getString("scope"), "granted: the usage blocks as asked, FB_51-69 out");
        assertFalse(usageOnly.containsKey("customerResourceURI"), usageOnly.toString());
        Atom without = read(usageOnly.getString("authorizationURI"));
        assertEquals(ThirdParties.SCOPE, without.text("//espi:Authorization/espi:scope"));
        assertEquals(0, without.count("//espi:customerResourceURI"));
        Api.Reply again = ThirdParties.refresh(base, pii, usageOnly.getString("refresh_token"));
        assertEquals(200, again.status(), again.body());
        assertFalse(again.json().containsKey("customerResourceURI"), again.body());
        Api.Reply usage = bearer(usageOnly.getString("access_token"))
                .get(usageOnly
                        .getString("resourceURI")
                        .substring(base.toString().length()));
        assertEquals(200, usage.status(), "usage data is shared: " + usage.body());
    }

    @Test
    void FB53_personalInformationNotRegisteredOrAddedToTheFormOrSubmittedTwiceThenRefused() throws Exception {
        Api.Reply notRegistered = new ConsentFlow(base)
                .authorize(ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.PERSONAL_SCOPE, "s", VERIFIER));
        assertEquals("invalid_scope", ConsentFlow.query(notRegistered).get("error"), "app registered usage data only");

        ConsentFlow browser = new ConsentFlow(base);
        Api.Reply page = consentPage(browser, app, ThirdParties.SCOPE);
        assertFalse(page.body().contains("personal_information"), "not offered");
        String handle = ConsentFlow.handle(page);
        List<String> offered = ConsentFlow.usagePointsOffered(page);
        String until = LocalDate.now().plusMonths(6).toString();
        Api.Reply tampered = browser.decide(handle, "approve", offered, until, true);
        assertEquals(400, tampered.status());
        assertNull(tampered.header("Location"));
        assertTrue(tampered.body().contains("did not ask for your personal information"), tampered.body());

        assertEquals(303, browser.decide(handle, "approve", offered, until).status());
        Api.Reply again = browser.decide(handle, "approve", offered, until);
        assertEquals(400, again.status(), "the second submit of the same page");
        assertNull(again.header("Location"), "and no second code");

        Api.Reply twice = consentPage(browser, app, ThirdParties.SCOPE);
        List<CompletableFuture<Api.Reply>> clicks = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(
                        () -> browser.decide(ConsentFlow.handle(twice), "approve", offered, until)))
                .toList();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Api.Reply> c : clicks) statuses.add(c.get().status());
        statuses.sort(null);
        assertEquals(List.of(303, 400), statuses, "a double click: one code, one refusal");
    }
}
