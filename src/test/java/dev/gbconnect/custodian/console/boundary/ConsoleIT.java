package dev.gbconnect.custodian.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.ConsoleBrowser;
import dev.gbconnect.custodian.testsupport.ConsoleImports;
import dev.gbconnect.custodian.testsupport.CustomerInfoFiles;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.PortalSignIn;
import dev.gbconnect.custodian.testsupport.Screenshots;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in real headless Chromium (issue 19): each role walked through its tasks and refused one
 * action with a 403 page, sign-in with a wrong then the right password, forms without their token, a form sent
 * twice, the one-time reset link, and the audit log with its CSV. One browser for the class; each test signs in
 * afresh and makes its own customers and staff, so nothing depends on what another test left.
 */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class ConsoleIT {

    static final String OPERATOR = ConsoleBrowser.OPERATOR, OPERATOR_PASSWORD = ConsoleBrowser.OPERATOR_PASSWORD;

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

    static String unique(String prefix) {
        return ConsoleBrowser.unique(prefix);
    }

    private void signIn(String username, String password) {
        console.signIn(username, password);
    }

    private String text() {
        return console.text();
    }

    private void go(String relative) {
        console.go(relative);
    }

    private void fill(String id, String value) {
        console.fill(id, value);
    }

    private void press(String label) {
        console.press(label);
    }

    private String session() {
        return console.session();
    }

    private String csrf() {
        return console.csrf();
    }

    private static String form(String... pairs) {
        return ConsoleBrowser.form(pairs);
    }

    private String staff(String role) {
        return console.staff(role);
    }

    private void signOut() {
        console.signOut();
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
        Screenshots.take(browser, "console-dashboard");

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
        String prefix = unique("console"), username = CustomerInfoFiles.username(prefix, 0);
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
        Screenshots.take(browser, "console-customer-search");
        go("/customers/" + id);
        Screenshots.take(browser, "console-customer");
        String point =
                browser.findElement(By.cssSelector("ul.usage-points code")).getText();
        go("/customers?q=" + point);
        assertTrue(text().contains("Ada " + username), "found by usage point");
        String account = "ACCT-" + prefix;
        byte[] information = new String(CustomerInfoFiles.bulk(prefix, 1, false), StandardCharsets.UTF_8)
                .replace(">ACCT-0<", ">" + account + "<")
                .getBytes(StandardCharsets.UTF_8);
        Api.Reply stored = admin.raw(
                "POST",
                "espi/1_1/resource/Batch/RetailCustomer",
                admin.authorization(),
                "application/atom+xml",
                information,
                false);
        assertEquals(201, stored.status(), stored.body());
        go("/customers?q=" + account);
        assertTrue(text().contains("Ada " + username), "found by the account number of their information: " + text());
        go("/customers?q=" + account.substring(1));
        assertTrue(text().contains("No customer matches"), "an account number is matched whole: " + text());

        go("/customers/" + id);
        fill("enable-reason", "asked by phone, ticket 42");
        press("Disable the customer (their Authorizations stop sharing)");
        assertEquals("disabled", browser.findElement(By.id("state")).getText());
        assertFalse(admin.get("admin/customers/" + id).json().getBoolean("enabled"));

        fill("reset-reason", "forgot it");
        press("Make a one-time link to set a new password");
        String link = browser.findElement(By.id("reset-link")).getAttribute("href");
        go("/audit?target=" + username);
        Screenshots.take(browser, "console-audit");
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

        Browser.assertAccessible(link);
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

    /**
     * Issue 19 item 4: 10,000 customers from a CSV file, imported in the background while the page (no script) shows
     * a progress bar that reaches the end; a bad line does not stop the others; the same file cannot be sent again
     * while it runs; every line's result downloads as CSV; the import is in the audit log.
     */
    @Test
    void operatorWhenImportsTenThousandCustomersFromCsvThenTheProgressBarReachesTheEndWithEachLinesResult()
            throws Exception {
        String prefix = unique("csv");
        admin.newCustomer(prefix + "-known");
        Path file = ConsoleImports.customers(Path.of("target"), prefix, 10_000);
        Files.writeString(
                file, prefix + "-known,Known\r\nx,Too short\r\n" + prefix + "-alone\r\n", StandardOpenOption.APPEND);
        signIn(OPERATOR, OPERATOR_PASSWORD);
        go("/imports");

        String csrf = csrf();
        browser.findElement(By.id("file")).sendKeys(file.toString());
        press("Import");
        Screenshots.take(browser, "console-import-progress");
        Api.Reply again = ConsoleImports.post(base, session(), csrf, file);

        assertEquals(409, again.status(), "the same file while it runs: " + again.body());
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .ignoring(WebDriverException.class) // the page reloads itself: its nodes go (Browser.submit)
                .until(d -> d.findElement(By.id("state")).getText().contains("done"));
        WebElement progress = browser.findElement(By.id("progress"));
        assertEquals("10003", progress.getAttribute("max"));
        assertEquals("10003", progress.getAttribute("value"));
        assertEquals("10000", browser.findElement(By.id("created")).getText());
        assertEquals("1", browser.findElement(By.id("existing")).getText());
        assertEquals("2", browser.findElement(By.id("invalid")).getText());
        assertTrue(text().contains("expected 2 fields (username,name), found 1"), text());
        Screenshots.take(browser, "console-import-result");
        Api.Reply results = anonymous.get(
                base.relativize(URI.create(browser.findElement(By.id("results")).getAttribute("href")))
                        .toString(),
                "Cookie",
                session());
        assertEquals(200, results.status());
        String[] lines = results.body().split("\r\n");
        assertEquals(10_004, lines.length);
        assertEquals("2,\"" + prefix + "-0\",\"created\",", lines[1]);
        assertEquals("10002,\"" + prefix + "-known\",\"already exists\",", lines[10_001]);
        assertTrue(lines[10_002].startsWith("10003,\"x\",\"invalid\",\"username must be"), lines[10_002]);
        go("/customers?q=" + prefix + "-9999");
        assertTrue(text().contains("Elm, Ada 9999"), text());
        go("/audit?action=customer.import.done");
        assertTrue(text().contains("10000 created, 1 already existed, 2 invalid"), text());
    }

    @Test
    void supportWhenOpensOrPostsTheCsvImportThen403AndNothingImported() throws Exception {
        String support = staff("support");
        signIn(support, support + support);
        assertTrue(browser.findElements(By.linkText("Import customers")).isEmpty(), "not offered");
        go("/imports");
        assertTrue(text().contains("Your role does not allow this"), text());
        Path file = Files.writeString(
                Path.of("target", support + ".csv").toAbsolutePath(), "username,name\r\n" + support + "-c,Refused\r\n");

        Api.Reply refused = ConsoleImports.post(base, session(), csrfOfHome(), file);

        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("Your role does not allow this"), refused.body());
        assertEquals(
                404, admin.get("admin/customers/" + customerId(support + "-c")).status());
    }

    @Test
    void operatorWhenTheFileIsNotACsvThen400PageAndNoImport() throws Exception {
        signIn(OPERATOR, OPERATOR_PASSWORD);
        go("/imports");
        Path file = Files.write(
                Path.of("target", unique("not-csv") + ".csv").toAbsolutePath(), new byte[] {(byte) 0xff, 0, 1});
        browser.findElement(By.id("file")).sendKeys(file.toString());
        press("Import");
        assertTrue(text().contains("Nothing was imported: the file is not UTF-8 text"), text());
    }

    /**
     * Issue 19, accessible: axe-core finds no serious or critical violation on any console page, each showing
     * something (a customer with usage data, an Authorization and an upload; a third party; an import with an invalid
     * line), in a browser of its own with scripts on (axe-core needs them; the pages have none).
     */
    @Test
    void consolePagesWhenCheckedByAxeThenNoSeriousViolation() throws Exception {
        String username = unique("axe");
        String customer = admin.newCustomer(username);
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                        .status());
        String upload = admin.get("admin/uploads?customer=" + customer)
                .json()
                .getJsonArray("uploads")
                .getJsonObject(0)
                .getString("id");
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/cb");
        ThirdParties.offline(admin, app, customer, ThirdParties.SCOPE, null);
        Path file = Files.writeString(
                Path.of("target", username + ".csv").toAbsolutePath(),
                "username,name\r\n" + username + "-imported,Imported\r\nx,Too short\r\n");
        ChromeDriver checker = Browser.start(true, 1200, 800);
        try {
            checker.get(base.resolve("console/sign-in").toString());
            Browser.assertAccessible(checker);
            ConsoleBrowser staff = new ConsoleBrowser(checker, base);
            staff.signIn(OPERATOR, OPERATOR_PASSWORD);
            Api.Reply imported = ConsoleImports.post(base, staff.session(), staff.csrf(), file);
            assertEquals(303, imported.status(), imported.body());
            for (String page : List.of(
                    "",
                    "/customers?q=" + username,
                    "/customers/" + customer,
                    "/imports",
                    "/imports/"
                            + imported.header("Location")
                                    .substring(imported.header("Location").lastIndexOf('/') + 1),
                    "/uploads",
                    "/uploads/" + upload,
                    "/third-parties",
                    "/third-parties/" + app.id(),
                    "/authorizations?customer=" + username,
                    "/audit?target=" + username,
                    "/staff")) {
                staff.go(page);
                assertTrue(checker.findElements(By.cssSelector("main h1")).size() == 1, page + ": " + staff.text());
                Browser.assertAccessible(checker);
            }
        } finally {
            checker.quit();
        }
    }

    /** A customer's id as the custodian gives it: a v5 UUID of the username (Customers.idOf). */
    static String customerId(String username) {
        return dev.gbconnect.custodian.atom.EntryIds.of("RetailCustomer", username);
    }
}
