package dev.gbconnect.custodian.console.boundary;

import static dev.gbconnect.custodian.testsupport.ConsoleBrowser.form;
import static dev.gbconnect.custodian.testsupport.ConsoleBrowser.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.ConsoleBrowser;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.Notices;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.Screenshots;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Third parties, Authorizations and the admin API's audit entries in the console (issue 19 items 6 to 8), in real
 * headless Chromium on the shared server: a registration waiting in Review until an operator approves it, On Hold and
 * Revoked with their effect on tokens and Authorizations, a rotated secret, a dead notice sent again, an Authorization
 * ended and one granted offline on a customer's behalf (each with a missing reason first, and sent twice), a refused
 * action per role, and the audit log, which no API changes. Every test makes its own customers and third parties.
 */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class ConsoleThirdPartiesIT {

    private static final String REDIRECT = "http://127.0.0.1:9/cb";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    static ChromeDriver browser;

    @ArquillianResource
    URL url;

    URI base;
    Api admin, anonymous;
    ConsoleBrowser console;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(false, 1200, 800);
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        anonymous = new Api(base, null, null);
        console = new ConsoleBrowser(browser, base);
        browser.get(base.resolve("console/sign-in").toString());
        browser.manage().deleteAllCookies();
    }

    @Test
    void reviewWhenRegisteredThenNoTokenAndNoConsentUntilAnOperatorApprovesIt() {
        String name = unique("Review app");
        ThirdParties.Registered app =
                ThirdParties.inReview(admin, ThirdParties.registration(name, ThirdParties.NOTIFY));
        assertEquals("REVIEW", app.body().getString("status"));
        assertEquals("1", applicationStatus(app));
        assertEquals(401, clientCredentials(app.basic()));
        Api.Reply authorize = anonymous.get("oauth/authorize?"
                + ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "s-1", "v".repeat(43)));
        assertEquals(302, authorize.status(), authorize.body());
        java.util.Map<String, String> answer = ConsentFlow.query(authorize);
        assertEquals("unauthorized_client", answer.get("error"), "RFC 6749 §4.1.2.1, before anyone signs in");
        assertEquals("s-1", answer.get("state"));

        console.signIn(ConsoleBrowser.OPERATOR, ConsoleBrowser.OPERATOR_PASSWORD);
        console.go("/third-parties?status=REVIEW");
        assertTrue(console.text().contains(name), console.text());
        Screenshots.take(browser, "console-third-parties");
        browser.findElement(By.linkText(name)).click();
        assertEquals("Review", browser.findElement(By.id("status")).getText());
        String path = "console/third-parties/" + app.id() + "/status";
        Api.Reply noReason = anonymous.postForm(
                path,
                null,
                form("csrf", console.csrf(), "status", "ACTIVE", "reason", " "),
                "Cookie",
                console.session());
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("Give a reason"), noReason.body());
        assertEquals("1", applicationStatus(app), "nothing changed");

        new Select(browser.findElement(By.id("new-status"))).selectByVisibleText("Production");
        console.fill("status-reason", "checked the company, ticket 7");
        console.press("Change the status");
        assertEquals("Production", browser.findElement(By.id("status")).getText());
        Screenshots.take(browser, "console-third-party");
        assertEquals("2", applicationStatus(app));
        assertEquals(200, clientCredentials(app.basic()));

        Api.Reply twice = anonymous.postForm(
                path,
                null,
                form("csrf", console.csrf(), "status", "ACTIVE", "reason", "checked the company, ticket 7"),
                "Cookie",
                console.session());
        assertEquals(303, twice.status(), "the same move sent twice is no error");
        List<String> log = audit(app.id());
        assertEquals(1, count(log, "\"client.status\""), "recorded once: " + log);
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.contains("\"local:it-operator\"")
                                && l.contains("to ACTIVE")
                                && l.contains("checked the company, ticket 7")),
                log.toString());
        assertTrue(
                log.stream().anyMatch(l -> l.contains("\"client:it-admin\"") && l.contains("\"client.register\"")),
                "the admin API's registration, with the admin client as actor: " + log);
    }

    @Test
    void onHoldWhenOperatorSuspendsThenTokensStopAndRevokedEndsTheAuthorizationsAndARotatedSecretIsShownOnce()
            throws Exception {
        String customer = customerWithUsage();
        ThirdParties.Registered app =
                ThirdParties.register(admin, ThirdParties.registration(unique("Held app"), ThirdParties.NOTIFY));
        String access = ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null)
                .getString("access_token");
        assertTrue(active(access));

        console.signIn(ConsoleBrowser.OPERATOR, ConsoleBrowser.OPERATOR_PASSWORD);
        move(app, "On Hold", "unpaid invoices");
        assertFalse(active(access), "On Hold: its tokens stop at once");
        assertEquals("3", applicationStatus(app));
        move(app, "Production", "invoices paid");
        assertTrue(active(access), "back in Production, the same token works again");

        console.fill("secret-reason", "the third party lost it");
        console.press("Rotate the secret");
        String rotated = browser.findElement(By.id("new-secret")).getText();
        assertEquals(200, clientCredentials(Api.basic(app.id(), rotated)));
        assertEquals(200, clientCredentials(app.basic()), "the previous secret works until the next rotation");
        console.go("/third-parties/" + app.id());
        assertTrue(browser.findElements(By.id("new-secret")).isEmpty(), "shown once");
        console.fill("secret-reason", "rolled out");
        console.press("Rotate the secret");
        assertEquals(401, clientCredentials(app.basic()), "the oldest secret ends at the second rotation");

        move(app, "Revoked", "contract ended");
        assertTrue(browser.findElements(By.id("new-status")).isEmpty(), "revoked is final: no more moves offered");
        JsonObject ended = admin.get("admin/customers/" + customer + "/authorizations")
                .array()
                .getJsonObject(0);
        assertEquals("revoked", ended.getString("status"));
        assertEquals("the data custodian revoked the application", ended.getString("end_reason"));
        List<String> log = audit(app.id());
        assertEquals(3, count(log, "\"local:it-operator\",\"it-operator\",\"client.status\""), log.toString());
        assertEquals(2, count(log, "\"client.secret-rotate\""), log.toString());
    }

    @Test
    void deadNoticeWhenOperatorSendsItAgainThenDeliveredAndRecorded() throws Exception {
        try (NotifyReceiver failing = new NotifyReceiver(0, 500)) {
            ThirdParties.Registered app =
                    ThirdParties.register(admin, ThirdParties.registration(unique("Noticed app"), failing.uri()));
            Api.Reply requested = admin.postJson(
                    "admin/notifications", "{\"kind\":\"application\",\"client_id\":\"" + app.id() + "\"}");
            long id = requested.array().getJsonObject(0).getJsonNumber("id").longValue();
            Notices.awaitState(admin, id, "dead", WAIT);
            failing.answer(202);

            console.signIn(ConsoleBrowser.OPERATOR, ConsoleBrowser.OPERATOR_PASSWORD);
            console.go("/third-parties/" + app.id());
            assertEquals(
                    "dead",
                    browser.findElement(By.cssSelector("td.notice-state")).getText());
            console.press("Send again");
            assertEquals(
                    "delivered",
                    Notices.awaitState(admin, id, "delivered", WAIT).getString("state"));
            Api.Reply again = anonymous.postForm(
                    "console/third-parties/" + app.id() + "/notices/" + id + "/retry",
                    null,
                    form("csrf", console.csrf()),
                    "Cookie",
                    console.session());
            assertEquals(409, again.status(), "a delivered notice is not sent again");
            List<String> log = audit(app.id());
            assertEquals(1, count(log, "\"notice.retry\""), log.toString());
            assertTrue(
                    log.stream().anyMatch(l -> l.contains("\"client:it-admin\"") && l.contains("\"notice.request\"")),
                    log.toString());
        }
    }

    @Test
    void supportWhenEndsAnAuthorizationThenAReasonIsRequiredItEndsOnceAndOtherRolesAreRefused() throws Exception {
        String customer = customerWithUsage();
        String username = admin.get("admin/customers/" + customer).json().getString("username");
        ThirdParties.Registered app =
                ThirdParties.register(admin, ThirdParties.registration(unique("Ended app"), ThirdParties.NOTIFY));
        String authorization = last(ThirdParties.offline(admin, app, customer, ThirdParties.SCOPE, null)
                .getString("authorizationURI"));
        String support = console.staff("support");
        console.signIn(support, support + support);
        console.go("/authorizations?customer=" + username + "&status=active");
        String row = "a-" + authorization;
        assertEquals(
                "active",
                browser.findElement(By.cssSelector("#" + row + " td.state")).getText());
        String revoke = "console/authorizations/" + authorization + "/revoke";
        Api.Reply noReason =
                anonymous.postForm(revoke, null, form("csrf", console.csrf()), "Cookie", console.session());
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("Give a reason"), noReason.body());

        Screenshots.take(browser, "console-authorizations");
        console.fill("reason-" + authorization, "the customer called to stop it");
        console.press("End it");
        assertEquals(
                "revoked",
                browser.findElement(By.cssSelector("#" + row + " td.state")).getText());
        Api.Reply twice = anonymous.postForm(
                revoke, null, form("csrf", console.csrf(), "reason", "again"), "Cookie", console.session());
        assertEquals(409, twice.status(), twice.body());
        assertEquals(
                403,
                anonymous
                        .postForm(
                                "console/third-parties/" + app.id() + "/status",
                                null,
                                form("csrf", console.csrf(), "status", "REVOKED", "reason", "not mine to do"),
                                "Cookie",
                                console.session())
                        .status(),
                "support does not move third parties");
        assertEquals(
                403,
                anonymous
                        .postForm(
                                "console/authorizations/offline",
                                null,
                                form("csrf", console.csrf(), "customer", username, "reason", "not mine to do"),
                                "Cookie",
                                console.session())
                        .status(),
                "support does not grant offline");
        console.signOut();

        String auditor = console.staff("auditor");
        console.signIn(auditor, auditor + auditor);
        console.go("/authorizations?customer=" + username);
        assertTrue(browser.findElements(By.id("reason-" + authorization)).isEmpty());
        Api.Reply refused = anonymous.postForm(
                revoke, null, form("csrf", console.csrf(), "reason", "curious"), "Cookie", console.session());
        assertEquals(403, refused.status(), "the role is checked before anything else");
        console.signOut();

        console.signIn(ConsoleBrowser.OPERATOR, ConsoleBrowser.OPERATOR_PASSWORD);
        List<String> log = audit(authorization);
        assertEquals(1, count(log, "\"authorization.revoke\""), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("local:" + support) && l.contains("the customer called")));
    }

    @Test
    void offlineWhenOperatorGrantsThenAReasonIsRequiredTheTokenWorksOnceShownAndASecondSubmitGrantsNothing() {
        String customer = customerWithUsage();
        String username = admin.get("admin/customers/" + customer).json().getString("username");
        ThirdParties.Registered app =
                ThirdParties.register(admin, ThirdParties.registration(unique("Offline app"), ThirdParties.NOTIFY));
        String until = ThirdParties.offlineUntil().toString(), offer = app.id() + " " + ThirdParties.SCOPE;
        console.signIn(ConsoleBrowser.OPERATOR, ConsoleBrowser.OPERATOR_PASSWORD);
        console.go("/authorizations");
        Api.Reply noReason = anonymous.postForm(
                "console/authorizations/offline",
                null,
                form("csrf", console.csrf(), "customer", username, "offer", offer, "until", until),
                "Cookie",
                console.session());
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("Give a reason"), noReason.body());
        assertTrue(
                admin.get("admin/customers/" + customer + "/authorizations")
                        .array()
                        .isEmpty(),
                "nothing granted");

        console.fill("offline-customer", username);
        new Select(browser.findElement(By.id("offline-offer"))).selectByValue(offer);
        console.fill("offline-until", until);
        console.fill("offline-reason", "signed paper form 12");
        console.press("Grant offline authorization");
        String refresh = browser.findElement(By.id("refresh-token")).getText();
        assertEquals(200, ThirdParties.refresh(base, app, refresh).status(), "the third party's refresh token works");

        Api.Reply twice = anonymous.postForm(
                "console/authorizations/offline",
                null,
                form("csrf", console.csrf(), "customer", username, "offer", offer, "until", until, "reason", "again"),
                "Cookie",
                console.session());
        assertEquals(409, twice.status(), twice.body());
        var granted =
                admin.get("admin/customers/" + customer + "/authorizations").array();
        assertEquals(1, granted.size(), "granted once: " + granted);
        assertEquals("signed paper form 12", granted.getJsonObject(0).getString("offline_reason"));
        List<String> log = audit(granted.getJsonObject(0).getString("id"));
        assertEquals(1, count(log, "\"authorization.offline\""), log.toString());
        assertTrue(
                log.get(0).contains("local:it-operator") && log.get(0).contains("signed paper form 12"),
                log.toString());
    }

    @Test
    void auditWhenTheAdminApiChangesThingsThenEachIsRecordedWithTheClientAndNoApiChangesTheLog() {
        String username = unique("api-made");
        String customer = admin.newCustomer(username);
        assertEquals(
                200,
                admin.patchJson("admin/customers/" + customer, "{\"enabled\":false}")
                        .status());
        console.signIn(ConsoleBrowser.OPERATOR, ConsoleBrowser.OPERATOR_PASSWORD);
        List<String> log = audit("customer " + username);
        assertEquals(2, log.size(), log.toString());
        for (String action : List.of("customer.create", "customer.disable"))
            assertTrue(
                    log.stream().anyMatch(l -> l.contains("\"client:it-admin\"") && l.contains("\"" + action + "\"")),
                    action + " in " + log);

        for (String path : List.of("console/audit", "console/audit.csv", "console/audit/1", "admin/audit")) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                int status = anonymous
                        .raw(method, path, admin.authorization(), "text/plain", new byte[0], false)
                        .status();
                assertTrue(status == 404 || status == 405, method + " " + path + " answered " + status);
            }
        }
        assertEquals(log, audit("customer " + username), "the entries are as they were");
    }

    /** A new customer with the sample's usage points (an offline grant needs some). */
    private String customerWithUsage() {
        String customer = admin.newCustomer(unique("tp-customer"));
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                        .status());
        return customer;
    }

    private void move(ThirdParties.Registered app, String to, String reason) {
        console.go("/third-parties/" + app.id());
        new Select(browser.findElement(By.id("new-status"))).selectByVisibleText(to);
        console.fill("status-reason", reason);
        console.press("Change the status");
        assertEquals(to, browser.findElement(By.id("status")).getText());
    }

    /** ESPI dataCustodianApplicationStatus as the admin reads the ApplicationInformation (schema-valid). */
    private String applicationStatus(ThirdParties.Registered app) {
        Api.Reply r = admin.get("espi/1_1/resource/ApplicationInformation/" + app.id());
        assertEquals(200, r.status(), r.body());
        return Atom.valid(r.body()).text("//espi:ApplicationInformation/espi:dataCustodianApplicationStatus");
    }

    private int clientCredentials(String basic) {
        return anonymous.token(basic, "grant_type=client_credentials").status();
    }

    private boolean active(String accessToken) {
        return anonymous
                .postForm(
                        "oauth/introspect",
                        Api.basic(Api.IT_ADMIN, Api.IT_SECRET),
                        "token=" + ConsentFlow.enc(accessToken))
                .json()
                .getBoolean("active");
    }

    /** The audit log's CSV lines whose target contains {@code target}, read with the browser's (operator) session. */
    private List<String> audit(String target) {
        Api.Reply csv =
                anonymous.get("console/audit.csv?target=" + ConsentFlow.enc(target), "Cookie", console.session());
        assertEquals(200, csv.status(), csv.body());
        return Arrays.stream(csv.body().split("\r\n")).skip(1).toList();
    }

    private static long count(List<String> lines, String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }

    private static String last(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
