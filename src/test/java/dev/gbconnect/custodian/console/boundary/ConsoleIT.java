package dev.gbconnect.custodian.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.PortalSignIn;
import dev.gbconnect.custodian.testsupport.Shared;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in real headless Chromium (issue 19): each role walked through its tasks and refused one
 * action with a 403 page, sign-in with a wrong then the right password, forms without their token, a form sent
 * twice, the one-time reset link, and the audit log with its CSV. One browser for the class; each test signs in
 * afresh and makes its own customers and staff, so nothing depends on what another test left.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    static final String OPERATOR = "it-operator", OPERATOR_PASSWORD = "it-operator-password-for-tests-only";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    static ChromeDriver browser;

    @ArquillianResource
    URL url;

    URI base;
    Api admin, anonymous;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(false, 1200, 900);
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
        browser.get(base.resolve("console/sign-in").toString());
        browser.manage().deleteAllCookies();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void signIn(String username, String password) {
        browser.get(base.resolve("console").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "signed out, the console is its sign-in page");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.submit(browser, browser.findElement(By.cssSelector("main > form button[type=submit]")));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void go(String relative) {
        browser.get(base.resolve("console" + relative).toString());
    }

    private void fill(String id, String value) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private void press(String label) {
        Browser.submit(browser, browser.findElement(By.xpath("//button[normalize-space()='" + label + "']")));
    }

    /** The session cookie, as a header for requests made beside the browser. */
    private String session() {
        return "custodian_console="
                + browser.manage().getCookieNamed("custodian_console").getValue();
    }

    private String csrf() {
        return browser.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2)
            b.append(i == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        return b.toString();
    }

    /** As an operator: a staff account with this role, whose password is its username twice. */
    private String staff(String role) {
        String username = unique(role);
        signIn(OPERATOR, OPERATOR_PASSWORD);
        go("/staff");
        fill("staff-username", username);
        fill("staff-name", "Staff " + username);
        new Select(browser.findElement(By.id("staff-role"))).selectByVisibleText(role);
        fill("staff-password", username + username);
        press("Create staff account");
        assertTrue(text().contains(username), text());
        signOut();
        return username;
    }

    private void signOut() {
        press("Sign out");
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
    }

    @Test
    void signInWhenWrongThenRightPasswordThenDashboardWithANewSessionAndThePageHeaders() {
        browser.get(base.resolve("console/sign-in").toString());
        Cookie planted = new Cookie.Builder("custodian_console", "planted-by-someone-else")
                .path("/console")
                .build();
        browser.manage().addCookie(planted);
        signIn(OPERATOR, "not-the-password");
        assertTrue(text().contains("not right"), text());
        signIn(OPERATOR, OPERATOR_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/console"), browser.getCurrentUrl());
        Cookie session = browser.manage().getCookieNamed("custodian_console");
        assertNotEquals(planted.getValue(), session.getValue(), "sign-in sets a new session token (no fixation)");
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        for (String figure : new String[] {"customers", "usage-points", "readings", "authorizations"})
            assertTrue(
                    browser.findElement(By.id(figure)).getText().matches("[0-9]+"),
                    figure + " is a number on the dashboard");
        assertTrue(browser.findElement(By.id("database")).getText().startsWith("answered in"));

        Api.Reply page = anonymous.get("console", "Cookie", session());
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("no-store", page.header("Cache-Control"));

        signOut();
        assertEquals(
                303,
                anonymous
                        .get("console", "Cookie", session.getName() + "=" + session.getValue())
                        .status(),
                "the old session no longer opens the console");
    }

    @Test
    void operatorWhenCreatesDisablesAndResetsACustomerThenEachActionIsInTheAuditLogWithItsActor() throws Exception {
        String username = unique("console");
        signIn(OPERATOR, OPERATOR_PASSWORD);
        go("/customers");
        fill("new-username", username);
        fill("new-name", "Ada " + username);
        fill("new-password", "first-password");
        press("Create customer");
        assertTrue(browser.getCurrentUrl().contains("/console/customers/"), browser.getCurrentUrl());
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertEquals(
                201,
                admin.upload(id, Shared.sample("openespi/test_usage_data.xml")).status());

        browser.navigate().back();
        fill("new-username", username);
        fill("new-password", "first-password");
        press("Create customer");
        assertTrue(text().contains("is taken"), "the same form sent twice: " + text());

        go("/customers?q=" + username.toUpperCase());
        assertTrue(text().contains("Ada " + username), "found by username, any case");
        go("/customers/" + id);
        String point =
                browser.findElement(By.cssSelector("ul.usage-points code")).getText();
        go("/customers?q=" + point);
        assertTrue(text().contains("Ada " + username), "found by usage point");

        go("/customers/" + id);
        fill("enable-reason", "asked by phone, ticket 42");
        press("Disable the customer (their Authorizations stop sharing)");
        assertEquals("disabled", browser.findElement(By.id("state")).getText());
        assertFalse(admin.get("admin/customers/" + id).json().getBoolean("enabled"));

        fill("reset-reason", "forgot it");
        press("Make a one-time link to set a new password");
        String link = browser.findElement(By.id("reset-link")).getAttribute("href");
        go("/audit?target=" + username);
        String log = text();
        for (String action : new String[] {"customer.create", "customer.disable", "customer.password-reset-link"})
            assertTrue(log.contains(action), action + " in " + log);
        assertTrue(log.contains("local:" + OPERATOR) && log.contains("asked by phone, ticket 42"), log);

        Api.Reply csv = anonymous.get("console/audit.csv?target=" + username, "Cookie", session());
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("time,actor_subject,actor_name,action,target,reason\r\n"), csv.body());
        assertEquals(4, csv.body().split("\r\n").length, "the header and three entries: " + csv.body());
        assertTrue(csv.body().contains("\"customer.disable\",\"customer " + username + "\",\"asked by phone"));

        browser.get(link);
        fill("password", "second-password");
        fill("confirm", "second-password");
        press("Set the password");
        assertTrue(browser.getCurrentUrl().endsWith("/portal/sign-in?reset=done"), browser::getCurrentUrl);
        assertTrue(text().contains("Your password is changed"), "signed out on the sign-in page: " + text());
        browser.get(link);
        assertTrue(text().contains("used already or has expired"), "the link works once: " + text());
        assertEquals(400, anonymous.get(link).status(), "a used link answers 400 with a page");
    }

    @Test
    void supportWhenResetsAPasswordThenAllowedButDisablingIsRefusedWith403() {
        String customer = admin.newCustomer(unique("support-case"));
        String support = staff("support");
        signIn(support, support + support);
        go("/customers/" + customer);
        assertTrue(browser.findElements(By.id("enable-reason")).isEmpty(), "support is not offered disabling");
        fill("reset-reason", "customer called");
        press("Make a one-time link to set a new password");
        assertTrue(browser.findElement(By.id("reset-link"))
                .getAttribute("href")
                .contains("/portal/reset-password?token="));

        Api.Reply refused = anonymous.postForm(
                "console/customers/" + customer + "/enabled",
                null,
                form("csrf", csrf(), "enabled", "false", "reason", "trying"),
                "Cookie",
                session());
        assertEquals(403, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("text/html"));
        assertTrue(refused.body().contains("Your role does not allow this"), refused.body());
        assertFalse(refused.body().contains("Exception"), "no stack trace");
        assertTrue(admin.get("admin/customers/" + customer).json().getBoolean("enabled"), "nothing changed");
    }

    @Test
    void auditorWhenReadsThenAllowedButEveryChangeIsRefusedWith403() {
        String customer = admin.newCustomer(unique("audited"));
        String auditor = staff("auditor");
        signIn(auditor, auditor + auditor);
        go("/audit?actor=" + auditor);
        assertTrue(text().contains("staff.sign-in"), "the auditor's own sign-in is logged: " + text());
        go("/customers/" + customer);
        assertTrue(browser.findElements(By.cssSelector("form[method=post] input[name=reason]"))
                .isEmpty());
        go("/staff");
        assertTrue(text().contains("Your role does not allow this"), text());

        Api.Reply refused = anonymous.postForm(
                "console/customers/" + customer + "/password-reset",
                null,
                form("csrf", csrfOfHome(), "reason", "curious"),
                "Cookie",
                session());
        assertEquals(403, refused.status(), refused.body());
    }

    private String csrfOfHome() {
        go("");
        return csrf();
    }

    @Test
    void operatorWhenAFormComesWithoutItsTokenThenRefusedAndNothingIsCreated() {
        String username = unique("forged");
        signIn(OPERATOR, OPERATOR_PASSWORD);
        Api.Reply forged = anonymous.postForm(
                "console/customers",
                null,
                form("username", username, "password", "forged-password"),
                "Cookie",
                session());
        assertEquals(400, forged.status());
        assertTrue(forged.body().contains("The page expired"), forged.body());
        Api.Reply wrong = anonymous.postForm(
                "console/customers",
                null,
                form("username", username, "password", "forged-password", "csrf", "guessed"),
                "Cookie",
                session());
        assertEquals(400, wrong.status());
        go("/customers?q=" + username);
        assertTrue(text().contains("No customer matches"), text());
        Api.Reply signInWithoutToken =
                anonymous.postForm("console/sign-in", null, form("username", OPERATOR, "password", OPERATOR_PASSWORD));
        assertEquals(400, signInWithoutToken.status(), "the sign-in form is a double submit");
        assertTrue(signInWithoutToken.raw().headers().allValues("Set-Cookie").stream()
                .noneMatch(c -> c.startsWith("custodian_console=")));
    }

    @Test
    void customerPageWhenTheCustomerFailedToSignInThenTheFailuresShowWithTimeAndBrowser() {
        String username = unique("fumbler");
        String id = admin.newCustomer(username);
        for (String agent : List.of("FumblingBrowser/1.0", "FumblingBrowser/2.0"))
            assertEquals(
                    401,
                    PortalSignIn.post(base, username, "wrong", "User-Agent", agent)
                            .status());
        assertEquals(303, PortalSignIn.post(base, username, "pass-" + username).status());
        signIn(OPERATOR, OPERATOR_PASSWORD);
        go("/customers/" + id);
        List<WebElement> rows = browser.findElements(By.cssSelector("table.sign-in-failures tr"));
        assertEquals(3, rows.size(), "a header and the two failures, not the success");
        assertTrue(
                rows.get(1).getText().contains("FumblingBrowser/2.0"),
                "newest first: " + rows.get(1).getText());
        assertTrue(rows.get(2).getText().contains("portal"), rows.get(2).getText());
    }
}
