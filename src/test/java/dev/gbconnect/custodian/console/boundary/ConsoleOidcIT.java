package dev.gbconnect.custodian.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.ConsoleSignIn;
import dev.gbconnect.custodian.testsupport.Keycloak;
import dev.gbconnect.custodian.testsupport.OidcProxy;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Staff sign in to the console through a real OpenID Connect provider (issue 19): Keycloak, started here with a realm
 * of operators, an auditor and someone with no role, beside the uber-jar configured with its issuer and with local
 * accounts off (custodian.console.local-sign-in=false), as a utility with its own provider runs it. Both start at
 * once. Headless Chromium walks each through the provider's own login page. Keycloak sits behind an {@link OidcProxy}
 * (its hostname is the proxy's address, so the issuer is too), which passes everything through unless a test makes it
 * forge, expire or misaddress the ID token of the token endpoint's answer: those tokens reach the custodian's real
 * callback. IdTokenCheckTest checks the same refusals without a server.
 */
@OwnServer
class ConsoleOidcIT {

    static final String REALM = "custodian-staff", CLIENT = "custodian-console";
    static final String OPERATOR = "it-oidc-operator", OPERATOR_PASSWORD = "it-oidc-operator-password";

    static Keycloak keycloak;
    static OidcProxy proxy;
    static String issuer;
    static UberJarServer server;
    static ChromeDriver browser;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(
                Path.of(System.getProperty("it.dataRoot", "target/it-data"), "oidc-" + UUID.randomUUID())
                        .toAbsolutePath());
        int port = UberJarServer.freePort();
        String callback = "http://localhost:" + port + "/console/oidc/callback";
        proxy = OidcProxy.start(UberJarServer.freePort());
        issuer = proxy.address() + "/realms/" + REALM;
        keycloak = Keycloak.launch(
                dir,
                "custodian-staff-realm.json",
                Map.of("CALLBACK", callback),
                List.of("--hostname=" + proxy.address()));
        proxy.forwardTo(URI.create("http://127.0.0.1:" + keycloak.port()));
        try {
            server = UberJarServer.start(
                    dir,
                    UberJarServer.testJvm(),
                    Map.of(
                            "CUSTODIAN_CONSOLE_OIDC_ISSUER",
                            issuer,
                            "CUSTODIAN_CONSOLE_OIDC_CLIENT_ID",
                            CLIENT,
                            "CUSTODIAN_CONSOLE_OIDC_CLIENT_SECRET",
                            "console-secret-for-tests-only",
                            "CUSTODIAN_CONSOLE_OPERATOR_USERNAME",
                            OPERATOR,
                            "CUSTODIAN_CONSOLE_OPERATOR_PASSWORD",
                            OPERATOR_PASSWORD,
                            "CUSTODIAN_CONSOLE_LOCAL_SIGN_IN",
                            "false"),
                    port,
                    List.of());
            keycloak.awaitRealm(REALM);
        } catch (Exception | Error failed) {
            keycloak.stop();
            proxy.close();
            if (server != null) server.stop();
            throw failed;
        }
        base = server.base();
        // Scripts on only for reading the status of the page the browser shows; the console's pages have none.
        browser = Browser.start(true, 1200, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (server != null) server.stop();
        if (keycloak != null) keycloak.stop();
        if (proxy != null) proxy.close();
    }

    /** Each test starts signed out of both the console and the provider. */
    @BeforeEach
    void signedOut() {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Through the console's sign-in page and the provider's login form, back to the console. */
    private void signInAtProvider(String username, String password) {
        browser.get(base.resolve("console").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
        browser.findElement(By.id("sign-in-provider")).click();
        assertTrue(
                browser.getCurrentUrl().startsWith(issuer + "/protocol/openid-connect/auth?"),
                "at the provider: " + browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.submit(browser, browser.findElement(By.id("kc-login")));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String session() {
        var cookie = browser.manage().getCookieNamed("custodian_console");
        return cookie == null ? null : "custodian_console=" + cookie.getValue();
    }

    @Test
    void operatorWhenSignsInThroughTheProviderThenCreatesACustomerAndTheAuditLogNamesTheProvidersSubject() {
        signInAtProvider("olivia", "olivia-password");
        assertTrue(browser.getCurrentUrl().endsWith("/console"), browser.getCurrentUrl());
        assertTrue(text().contains("Signed in as Olivia Operator (operator)"), text());
        assertNotNull(session());

        String username = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(base.resolve("console/customers").toString());
        browser.findElement(By.id("new-username")).sendKeys(username);
        browser.findElement(By.id("new-name")).sendKeys("Created Through Oidc");
        browser.findElement(By.id("new-password")).sendKeys("first-password");
        Browser.submit(browser, browser.findElement(By.xpath("//button[normalize-space()='Create customer']")));
        assertTrue(browser.getCurrentUrl().contains("/console/customers/"), browser.getCurrentUrl());

        browser.get(base.resolve("console/audit?target=" + username).toString());
        String log = text();
        assertTrue(log.contains("customer.create") && log.contains("Olivia Operator"), log);
        assertTrue(log.matches("(?s).*oidc:[0-9a-f-]{36}.*"), "the actor is the provider's subject: " + log);
        browser.get(
                base.resolve("console/audit?action=staff.sign-in&actor=Olivia").toString());
        assertTrue(text().contains("staff.sign-in"), text());
    }

    @Test
    void localAccountWhenLocalSignInIsOffThenNoFormAndTheConfiguredOperatorIsRefusedWithTheProvidersLink() {
        browser.get(base.resolve("console/sign-in").toString());
        assertTrue(browser.findElements(By.cssSelector("main form")).isEmpty(), "no local form: " + text());
        assertEquals(1, browser.findElements(By.id("sign-in-provider")).size(), "the provider is the way in");

        Api.Reply refused = ConsoleSignIn.post(base, OPERATOR, OPERATOR_PASSWORD);
        assertEquals(403, refused.status(), "the right password of the configured operator: " + refused.body());
        assertTrue(refused.header("Content-Type").startsWith("text/html"));
        assertTrue(refused.body().contains("Local accounts are turned off here"), refused.body());
        assertTrue(refused.body().contains("id=\"sign-in-provider\""), "the page shows the way that is open");
        assertFalse(refused.body().contains("name=\"password\""), refused.body());
        assertTrue(
                refused.raw().headers().allValues("Set-Cookie").stream()
                        .noneMatch(c -> c.startsWith(ConsoleSignIn.SESSION_COOKIE + "=")),
                "no session");
    }

    @Test
    void auditorWhenSignsInThroughTheProviderThenReadsButAnOperatorActionIsRefusedWith403() {
        signInAtProvider("arthur", "arthur-password");
        assertTrue(text().contains("Signed in as Arthur Auditor (auditor)"), text());
        String csrf = browser.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
        browser.get(base.resolve("console/staff").toString());
        assertTrue(text().contains("Your role does not allow this"), text());

        Api.Reply refused = server.api(null, null)
                .postForm(
                        "console/customers",
                        null,
                        "username=by-an-auditor&password=some-password&csrf="
                                + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
                        "Cookie",
                        session());
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("Your role does not allow this"), refused.body());
    }

    @Test
    void userWithoutARoleClaimWhenSignsInThroughTheProviderThenRefusedWithAPageSayingWhy() {
        signInAtProvider("nora", "nora-password");
        assertTrue(text().contains("has no role in this console"), text());
        assertNull(session(), "no console session");
        browser.get(base.resolve("console").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "still signed out");
    }

    /** The HTTP status of the page the browser shows (Navigation Timing Level 2, responseStatus). */
    private long status() {
        return (Long) browser.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    /**
     * Issue 19's "Done when": an ID token forged (its payload changed under the provider's signature, or signed by a
     * key the provider's JWKS does not list), expired, from another issuer or for another client, arriving at the
     * real callback from the token endpoint the custodian trusts, ends on a 401 page: no session, and nothing in the
     * audit log for the person. The same token re-signed with a key the JWKS lists, claims unchanged, does sign in: the
     * refusals are for what was changed, not for the proxy's key.
     */
    @Test
    void idTokenWhenForgedExpiredFromAnotherIssuerOrForAnotherClientThenRefusedWith401AndNoSession() {
        try {
            for (OidcProxy.Mode mode : List.of(
                    OidcProxy.Mode.PAYLOAD_CHANGED,
                    OidcProxy.Mode.UNLISTED_KEY,
                    OidcProxy.Mode.EXPIRED,
                    OidcProxy.Mode.OTHER_ISSUER,
                    OidcProxy.Mode.OTHER_AUDIENCE)) {
                browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                proxy.mode(mode);
                signInAtProvider("frank", "frank-password");
                assertTrue(
                        browser.getCurrentUrl().contains("/console/oidc/callback?"),
                        mode + ": " + browser.getCurrentUrl());
                assertEquals(401, status(), mode + ": " + text());
                assertTrue(text().contains("answer could not be verified"), mode + ": " + text());
                assertNull(session(), mode + ": no console session");
            }
            browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            proxy.mode(OidcProxy.Mode.RESIGNED);
            signInAtProvider("olivia", "olivia-password");
            assertTrue(text().contains("Signed in as Olivia Operator (operator)"), text());
        } finally {
            proxy.mode(OidcProxy.Mode.PASS);
        }
        for (String actor : List.of("Frank Forged", "Mallory Impostor")) {
            browser.get(base.resolve("console/audit?actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8))
                    .toString());
            assertEquals(
                    1,
                    browser.findElements(By.cssSelector("table.audit tr")).size(),
                    "the header only, no entry of " + actor + ": " + text());
        }
    }

    @Test
    void callbackWhenTheStateIsNotThisBrowsersOrIsReplayedThenRefusedWith400() {
        Api anonymous = server.api(null, null);
        Api.Reply forged = anonymous.get("console/oidc/callback?state=made-up&code=made-up");
        assertEquals(400, forged.status());
        assertTrue(forged.body().contains("started in another browser"), forged.body());
        Api.Reply planted = anonymous.get(
                "console/oidc/callback?state=made-up&code=made-up", "Cookie", "custodian_console_oidc=made-up");
        assertEquals(400, planted.status(), "a state the server never issued: " + planted.body());
        assertFalse(planted.body().contains("Exception"), "no stack trace");
    }
}
