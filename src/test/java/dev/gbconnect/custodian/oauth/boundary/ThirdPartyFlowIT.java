package dev.gbconnect.custodian.oauth.boundary;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
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
 * Third parties over HTTP: registration and secrets, the authorization endpoint's checks, the code and refresh
 * grants with their attacks. The pages are driven by a cookie-keeping HTTP client; ConsentPageIT uses Chromium.
 */
@ExtendWith(ArquillianExtension.class)
class ThirdPartyFlowIT {

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
    String username;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        app = ThirdParties.confidential(admin, REDIRECT);
        username = "tp-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = admin.newCustomer(username);
        Api.Reply upload = admin.upload(customer, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"));
        assertEquals(201, upload.status(), upload.body());
    }

    Api anonymous() {
        return Api.withAuthorization(base, null);
    }

    /** The customer approves every offered usage point; the answer is the code. */
    String code(ThirdParties.Registered client, String verifier) {
        Api.Reply answer = new ConsentFlow(base)
                .consent(
                        ThirdParties.authorizeQuery(client, REDIRECT, ThirdParties.SCOPE, "xyz", verifier),
                        username,
                        "pass-" + username,
                        "approve",
                        null,
                        LocalDate.now().plusMonths(6).toString());
        assertEquals(303, answer.status(), answer.body());
        return ConsentFlow.query(answer).get("code");
    }

    Api.Reply redeem(ThirdParties.Registered client, String code, String verifier) {
        return anonymous()
                .token(
                        client.basic(),
                        "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT)
                                + (verifier == null ? "" : "&code_verifier=" + verifier));
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

    @Test
    void registrationTokenWhenOwnClientThenReadsItAndOthersLookAbsent() {
        JsonObject token = anonymous()
                .token(app.basic(), "grant_type=client_credentials&scope=FB%3D36_40")
                .json();
        assertEquals(
                base.resolve("espi/1_1/resource/ApplicationInformation/" + app.id())
                        .toString(),
                token.getString("resourceURI"));
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
    void authorizationCodeWhenApprovedWithPkceThenTokensWithEspiMembersAndRefreshRotates() {
        Api.Reply answer = new ConsentFlow(base)
                .consent(
                        ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "state-1", VERIFIER),
                        username,
                        "pass-" + username,
                        "approve",
                        null,
                        LocalDate.now().plusMonths(6).toString());
        assertEquals(303, answer.status(), answer.body());
        Map<String, String> q = ConsentFlow.query(answer);
        assertTrue(answer.header("Location").startsWith(REDIRECT + "?"), answer.header("Location"));
        assertEquals("state-1", q.get("state"));
        assertEquals(base.toString().replaceAll("/$", ""), q.get("iss"), "RFC 9207 issuer");

        Api.Reply token = redeem(app, q.get("code"), VERIFIER);
        assertEquals(200, token.status(), token.body());
        assertEquals("no-store", token.header("Cache-Control"));
        JsonObject t = token.json();
        assertEquals(ThirdParties.SCOPE, t.getString("scope"));
        assertTrue(
                t.getString("resourceURI").matches(".*/espi/1_1/resource/Batch/Subscription/[0-9a-f-]{36}"),
                t.toString());
        assertTrue(
                t.getString("authorizationURI").matches(".*/espi/1_1/resource/Authorization/[0-9a-f-]{36}"),
                t.toString());
        assertEquals("", t.getString("customerResourceURI"));
        assertTrue(active(t.getString("access_token")));

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
    void refreshWhenScopeNarrowerThenAllowedAndWiderThenInvalidScope() {
        JsonObject t = redeem(app, code(app, VERIFIER), VERIFIER).json();
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
    void tokenWhenCodeReusedThenInvalidGrantAndItsTokensRevoked() {
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
    void tokenWhenPkceWrongMissingOrDowngradedThenInvalidGrant() {
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
    void tokenWhenAnotherClientPresentsTheCodeOrRefreshTokenThenInvalidGrant() {
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
    void tokenWhenRedirectUriDiffersFromTheAuthorizationRequestThenInvalidGrant() {
        String code = code(app, VERIFIER);
        Api.Reply r = anonymous()
                .token(
                        app.basic(),
                        "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT + "/")
                                + "&code_verifier=" + VERIFIER);
        assertEquals("invalid_grant", r.json().getString("error"), r.body());
    }

    @Test
    void authorizeWhenClientOrRedirectNotExactThenErrorPageAndNoRedirect() {
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
            assertEquals(400, r.status(), redirect);
            assertNull(r.header("Location"), redirect);
            assertTrue(r.header("Content-Type").startsWith("text/html"), redirect);
            assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals("DENY", r.header("X-Frame-Options"));
        }
        Api.Reply unknown =
                new ConsentFlow(base).authorize("response_type=code&client_id=nobody&redirect_uri=" + enc(REDIRECT));
        assertEquals(400, unknown.status());
        assertNull(unknown.header("Location"));
    }

    @Test
    void authorizeWhenParametersWrongThenErrorByRedirectWithState() {
        Map<String, String> cases = Map.of(
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
            assertEquals(303, r.status(), query + ": " + r.body());
            Map<String, String> q = ConsentFlow.query(r);
            assertEquals(error, q.get("error"), query);
            assertEquals("s{1}", q.get("state"), query);
        });
    }

    @Test
    void consentWhenDeniedThenAccessDeniedWithState() {
        Api.Reply answer = new ConsentFlow(base)
                .consent(
                        ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "st", VERIFIER),
                        username,
                        "pass-" + username,
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
        Api.Reply wrong = browser.signIn(handle, username, "not-the-password");
        Api.Reply unknown = browser.signIn(handle, "nobody-" + username, "not-the-password");
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
                        .signIn(handle, username, "pass-" + username)
                        .status(),
                "the handle alone, without the cookie");

        Api.Reply signedIn = browser.signIn(handle, username, "pass-" + username);
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
    void publicClientWhenPkceThenTokensWithoutSecretAndWithoutPkceRefused() {
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
}
