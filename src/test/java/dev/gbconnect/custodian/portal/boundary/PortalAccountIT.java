package dev.gbconnect.custodian.portal.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.PortalSignIn;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

/**
 * The portal's Connected apps, Personal API access and Account pages (issue 20 items 5 to 7) in real headless
 * Chromium. One browser for the class; each test makes its own customer and signs in afresh.
 */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class PortalAccountIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    static ChromeDriver browser;

    @ArquillianResource
    URL url;

    URI base;
    Api admin, anonymous;
    String username, customer;

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
        anonymous = Api.withAuthorization(base, null);
        username = "account-" + UUID.randomUUID().toString().substring(0, 8);
        customer = admin.newCustomer(username);
        browser.get(base.resolve("portal/sign-in").toString());
        browser.manage().deleteAllCookies();
    }

    private void signIn(String password) {
        signIn(browser, password);
    }

    private void signIn(ChromeDriver driver, String password) {
        driver.get(base.resolve("portal/sign-in").toString());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        Browser.submit(driver, driver.findElement(By.cssSelector("main > form button[type=submit]")));
        assertTrue(driver.getCurrentUrl().endsWith("/portal"), driver::getCurrentUrl);
    }

    private void go(String relative) {
        browser.get(base.resolve("portal/" + relative).toString());
    }

    private void fill(String id, String value) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private void press(String label) {
        Browser.submit(browser, browser.findElement(By.xpath("//button[normalize-space()='" + label + "']")));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String session() {
        return PortalSignIn.SESSION_COOKIE + "="
                + browser.manage().getCookieNamed(PortalSignIn.SESSION_COOKIE).getValue();
    }

    private String csrf() {
        return browser.findElement(By.cssSelector("main form input[name=csrf]")).getAttribute("value");
    }

    @Test
    void connectedAppsWhenAppReadsThenItsLastReadShowsAndRevokingStopsItsTokenAndMovesItToHistory() {
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                        .status());
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/cb");
        JsonObject token = ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null);
        Api asApp = Api.withAuthorization(base, "Bearer " + token.getString("access_token"));
        String subscription = token.getString("resourceURI");
        ThirdParties.Registered personal = ThirdParties.register(
                admin,
                ThirdParties.registration(
                        "Personal Information App", ThirdParties.NOTIFY, ThirdParties.PERSONAL_SCOPE));
        ThirdParties.offline(admin, personal, customer, ThirdParties.PERSONAL_SCOPE, null);

        signIn("pass-" + username);
        go("apps");
        WebElement connected = browser.findElement(By.xpath("//section[@class='app'][h2='Test Energy App']"));
        assertTrue(connected.getText().contains("Has not read your data yet."), connected.getText());
        assertEquals(200, asApp.get(subscription).status());
        go("apps");
        connected = browser.findElement(By.xpath("//section[@class='app'][h2='Test Energy App']"));
        String words = connected.getText();
        assertTrue(words.contains("Last read your data on "), words);
        assertTrue(words.contains("Readings every 15 minutes."), words);
        assertTrue(words.contains("Not your personal information (name, address, account and meter numbers)."), words);
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.ENGLISH)
                .format(ThirdParties.offlineUntil());
        assertTrue(
                words.contains("until the end of " + until + " (UTC−0"),
                "the day chosen, not the next, in the usage points' local time: " + words);
        WebElement seesPersonal =
                browser.findElement(By.xpath("//section[@class='app'][h2='Personal Information App']"));
        assertTrue(
                seesPersonal.getText().contains("Your personal information: name, address, account and meter numbers."),
                seesPersonal.getText());
        assertTrue(seesPersonal.getText().contains("Has not read your data yet."), seesPersonal.getText());
        assertEquals(
                ThirdParties.USER_PORTAL,
                connected
                        .findElement(By.linkText("Your account with Test Energy App"))
                        .getAttribute("href"));
        // by id: on the PostgreSQL run, other test classes' apps of the same name share the database
        WebElement connect = browser.findElement(
                By.xpath("//ul[@class='connect']/li/a[contains(@href, 'client_id=" + app.id() + "')]"));
        assertTrue(connect.getAttribute("href").endsWith("oauth/scope-selection?client_id=" + app.id()));

        String stranger =
                admin.newCustomer("stranger-" + UUID.randomUUID().toString().substring(0, 8));
        admin.upload(stranger, Shared.sample("datasdk/Gas.xml"));
        String theirs = ThirdParties.offline(admin, app, stranger, ThirdParties.SCOPE, null)
                .getString("authorizationURI")
                .replaceAll(".*/", "");
        for (String id : List.of(theirs, UUID.randomUUID().toString())) {
            Api.Reply r = anonymous.postForm(
                    "portal/revoke", null, "csrf=" + csrf() + "&authorization=" + id, "Cookie", session());
            assertEquals(404, r.status(), "another customer's connection answers like a missing one");
        }
        Browser.submit(browser, connected.findElement(By.xpath(".//button[text()='Revoke']")));
        assertTrue(browser.getCurrentUrl().endsWith("/portal/apps"), browser::getCurrentUrl);
        assertEquals(401, asApp.get(subscription).status(), "the app's token stops at once");
        assertTrue(browser.findElements(By.xpath("//section[@class='app'][h2='Test Energy App']"))
                .isEmpty());
        assertTrue(browser.findElement(By.cssSelector("ul.history")).getText().contains("Test Energy App"));
    }

    @Test
    void personalApiAccessWhenThePagesCommandsRunAsWrittenThenTheyFetchTheOwnersDataAndDeletingStopsThem()
            throws Exception {
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                        .status());
        signIn("pass-" + username);
        go("api-access");
        assertTrue(text().contains("You have no personal API access yet."), text());
        String guide = browser.findElement(By.linkText("The guide for scripts and large customers"))
                .getAttribute("href");
        Api.Reply served = anonymous.get(guide);
        assertEquals(200, served.status());
        assertTrue(served.header("Content-Type").startsWith("text/plain"), served.header("Content-Type"));
        assertTrue(served.body().contains("password grant"), "the guide itself, from the server");
        fill("api-name", "Nightly export");
        press("Create API access");
        String id = browser.findElement(By.id("client-id")).getText(),
                secret = browser.findElement(By.id("client-secret")).getText();

        go("api-access");
        assertFalse(browser.getPageSource().contains(secret), "the secret is never shown again");
        String commands = browser.findElement(By.id("example")).getText();
        assertTrue(commands.contains("CLIENT_ID='" + id + "'"), commands);
        Path dir = Files.createTempDirectory("api-access");
        Process bash = new ProcessBuilder("bash", "-c", commands)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        bash.getOutputStream().write((secret + "\npass-" + username + "\n").getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.exitValue(), output);
        Atom data = Atom.valid(Files.readString(dir.resolve("my-energy-data.xml")));
        assertEquals(1340, data.count("//espi:IntervalReading"), "all of the owner's readings");

        Api.Reply token = anonymous.token(
                Api.basic(id, secret), "grant_type=password&username=" + username + "&password=pass-" + username);
        Api mine = Api.withAuthorization(base, "Bearer " + token.json().getString("access_token"));
        WebElement listed =
                browser.findElement(By.xpath("//ul[@class='api-access']/li[contains(., 'Nightly export')]"));
        Browser.submit(browser, listed.findElement(By.xpath(".//button[text()='Delete']")));
        assertTrue(browser.getCurrentUrl().endsWith("/portal/api-access"), browser::getCurrentUrl);
        assertEquals(
                401, mine.get("espi/1_1/resource/ReadServiceStatus").status(), "deleting the access stops its tokens");
        assertTrue(
                browser.findElements(By.xpath("//ul[@class='api-access']/li")).isEmpty());
    }

    @Test
    void changePasswordWhenWrongCurrentThenRightThenOtherSessionsAndPersonalTokensEndAndOldPasswordIsRefused() {
        String old = "pass-" + username, next = "new-pass-" + username;
        signIn(old);
        Api.Reply elsewhere = PortalSignIn.post(base, username, old, "User-Agent", "OtherBrowser/1.0");
        assertEquals(303, elsewhere.status());
        String other = PortalSignIn.session(elsewhere);
        assertEquals(200, anonymous.get("portal/account", "Cookie", other).status());
        go("api-access");
        press("Create API access");
        String id = browser.findElement(By.id("client-id")).getText(),
                secret = browser.findElement(By.id("client-secret")).getText();
        Api.Reply token =
                anonymous.token(Api.basic(id, secret), "grant_type=password&username=" + username + "&password=" + old);
        Api script = Api.withAuthorization(base, "Bearer " + token.json().getString("access_token"));
        String data = token.json().getString("resourceURI");
        assertEquals(200, script.get(data).status());

        go("account");
        fill("current", "not-my-password");
        fill("password", next);
        fill("confirm", next);
        press("Change the password");
        assertTrue(
                browser.findElement(By.cssSelector("p.error")).getText().contains("current password is not right"),
                text());
        assertEquals(200, anonymous.get("portal/account", "Cookie", other).status(), "nothing changed yet");
        fill("current", old);
        fill("password", next);
        fill("confirm", next);
        press("Change the password");
        assertTrue(browser.getCurrentUrl().endsWith("/portal/account?changed=1"), browser::getCurrentUrl);
        assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("Your password is changed"));

        assertEquals(303, anonymous.get("portal/account", "Cookie", other).status(), "the other session ended");
        assertEquals(401, script.get(data).status(), "the personal token ended");
        assertEquals(401, PortalSignIn.post(base, username, old).status(), "the old password is refused");
        go("account");
        assertTrue(text().contains("Account settings"), "this session stays: " + text());
        String signIns = browser.findElement(By.cssSelector("table.sign-ins")).getText();
        assertTrue(signIns.contains("OtherBrowser/1.0"), signIns);
        assertTrue(signIns.contains("Password change") && signIns.contains("Failed"), signIns);
        assertTrue(signIns.contains("This site") && signIns.contains("Signed in"), signIns);
        assertEquals(303, PortalSignIn.post(base, username, next).status(), "the new password opens the portal");
        Api.Reply renewed = anonymous.token(
                Api.basic(id, secret), "grant_type=password&username=" + username + "&password=" + next);
        assertEquals(200, renewed.status(), "the personal client itself stays: " + renewed.body());
    }

    @Test
    void changePasswordWhenTheFormIsSentTwiceThenTheFirstChangesItAndTheSecondIsRefusedWithAPage() {
        signIn("pass-" + username);
        go("account");
        String form = "csrf=" + csrf() + "&current=pass-" + username + "&password=twice-" + username + "&confirm=twice-"
                + username;
        Api.Reply first = anonymous.postForm("portal/account/password", null, form, "Cookie", session());
        Api.Reply second = anonymous.postForm("portal/account/password", null, form, "Cookie", session());
        assertEquals(303, first.status(), first.body());
        assertEquals(400, second.status());
        assertTrue(second.header("Content-Type").startsWith("text/html"));
        assertTrue(second.body().contains("current password is not right"), second.body());
        assertEquals(303, PortalSignIn.post(base, username, "twice-" + username).status());
    }

    @Test
    void changePasswordWhenRefusedThenEachProblemIsNamedAndWrongCurrentPasswordsLockTheSignIn() {
        signIn("pass-" + username);
        go("account");
        String csrf = csrf(), cookie = session();
        String right = "&current=pass-" + username;
        for (String[] refused : new String[][] {
            {right + "&password=short&confirm=short", "8 to 256 characters"},
            {right + "&password=long-enough-1&confirm=long-enough-2", "two new passwords differ"},
            {"&password=long-enough&confirm=long-enough", "current password is not right"}
        }) {
            Api.Reply r =
                    anonymous.postForm("portal/account/password", null, "csrf=" + csrf + refused[0], "Cookie", cookie);
            assertEquals(400, r.status(), refused[0]);
            assertTrue(r.body().contains(refused[1]), r.body());
        }
        Api.Reply forged = anonymous.postForm(
                "portal/account/password", null, "csrf=guessed" + right + "&password=x1234567&confirm=x1234567");
        assertEquals(401, forged.status(), "without the session, nothing happens");
        for (int i = 0; i < 4; i++)
            anonymous.postForm(
                    "portal/account/password",
                    null,
                    "csrf=" + csrf + "&current=guess-" + i + "&password=long-enough&confirm=long-enough",
                    "Cookie",
                    cookie);
        assertEquals(
                401,
                PortalSignIn.post(base, username, "pass-" + username).status(),
                "five wrong current passwords lock the username like five wrong sign-ins");
    }

    @Test
    void pagesWhenSignedOutThenTheSignInPageAndInFrenchWhenTheBrowserAsks() {
        for (String page : List.of("portal/apps", "portal/api-access", "portal/account")) {
            Api.Reply r = anonymous.get(page);
            assertEquals(303, r.status(), page);
            assertTrue(r.header("Location").endsWith("/portal/sign-in"), r.header("Location"));
        }
        String cookie = PortalSignIn.session(PortalSignIn.post(base, username, "pass-" + username));
        Api.Reply french = anonymous.get("portal/account", "Cookie", cookie, "Accept-Language", "fr-CA,en;q=0.5");
        assertEquals(200, french.status());
        assertTrue(french.body().contains("Paramètres du compte"), french.body());
        assertTrue(french.body().contains("Connexions récentes"), french.body());
        Api.Reply spanish = anonymous.get("portal/apps", "Cookie", cookie, "Accept-Language", "es");
        assertTrue(spanish.body().contains("Aplicaciones conectadas"), spanish.body());
        assertEquals(
                "nosniff", anonymous.get("portal/api-access", "Cookie", cookie).header("X-Content-Type-Options"));
    }

    /**
     * Issue 20: every refusal a customer can meet in the portal (Download My Data's, the forms', the size limit's)
     * is in the customer's language: in French and Spanish, no text of the English bundle is on the page.
     */
    @Test
    void refusalsWhenFrenchOrSpanishThenTheirPagesHoldNoEnglishText() {
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                        .status());
        String session = PortalSignIn.session(PortalSignIn.post(base, username, "pass-" + username));
        Api.Reply usage = anonymous.get("portal", "Cookie", session);
        String point = ConsentFlow.usagePointsOffered(usage).get(0), csrf = ConsentFlow.csrf(usage);
        String download = "portal/download?usage_point=" + point;
        for (String language : List.of("fr", "es")) {
            String cookie = session + "; custodian_lang=" + language;
            List<Api.Reply> refused = List.of(
                    anonymous.get("portal/download?from=2012-03-01&to=2012-03-02", "Cookie", cookie),
                    anonymous.get(download + "&from=March&to=2012-03-02", "Cookie", cookie),
                    anonymous.get(download + "&from=2012-03-01", "Cookie", cookie),
                    anonymous.get(download + "&from=2012-03-05&to=2012-03-02", "Cookie", cookie),
                    anonymous.get(
                            "portal/download?usage_point=nothing&from=2012-03-01&to=2012-03-02", "Cookie", cookie),
                    anonymous.get(download + "&from=2012-03-01&to=2012-03-02&personal=yes", "Cookie", cookie),
                    anonymous.get(download + "&from=2012-03-01&to=2012-03-02&format=csv&personal=on", "Cookie", cookie),
                    anonymous.get("portal?period=March", "Cookie", cookie),
                    anonymous.postForm("portal/revoke", null, "csrf=" + csrf + "&authorization=gone", "Cookie", cookie),
                    anonymous.postForm(
                            "portal/api-access/delete", null, "csrf=" + csrf + "&client=gone", "Cookie", cookie),
                    anonymous.postForm("portal/account/password", null, "csrf=forged", "Cookie", cookie),
                    anonymous.postForm(
                            "portal/account/password", null, "csrf=x", "Cookie", "custodian_lang=" + language),
                    anonymous.postForm(
                            "portal/account/password", null, "csrf=" + "x".repeat(70_000), "Cookie", cookie));
            for (Api.Reply r : refused) {
                assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
                assertTrue(r.body().contains("<html lang=\"" + language + "\">"), r.body());
                assertTrue(r.body().contains("class=\"error\""), r.body());
                assertNoEnglish(r.body(), Locale.forLanguageTag(language));
            }
        }
    }

    /** Fails when the page's main part holds a passage of an English text that the page's language says otherwise. */
    private static void assertNoEnglish(String html, Locale language) {
        String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"))
                .replaceAll("<[^>]*>", " ")
                .replace("&#39;", "'")
                .replace("&quot;", "\"");
        ResourceBundle english = CustomerFrame.texts(Locale.ENGLISH), own = CustomerFrame.texts(language);
        for (String key : english.keySet()) {
            if (english.getString(key).equals(own.getString(key))) continue;
            for (String passage : english.getString(key).split("\\{[^}]*\\}"))
                if (passage.strip().length() >= 8)
                    assertFalse(main.contains(passage.strip()), key + " in English: " + main);
        }
    }

    /**
     * Issue 20: axe-core finds no serious or critical violation on any signed-in page: the usage page's day, month
     * and year views with their tables, Connected apps, Personal API access without and with a client and its new
     * secret, the account page with a refusal shown, and Download My Data's refusal; each language on several.
     */
    @Test
    void signedInPagesWhenCheckedByAxeInEachLanguageThenNoSeriousViolation() {
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                        .status());
        ThirdParties.offline(
                admin, ThirdParties.confidential(admin, "http://127.0.0.1:9/cb"), customer, ThirdParties.SCOPE, null);
        ChromeDriver checker = Browser.start(true, 1200, 900);
        try {
            signIn(checker, "pass-" + username);
            String point = checker.findElement(By.name("usage_point")).getAttribute("value");
            for (String[] page : new String[][] {
                {"en", "?period=2012-03-11"},
                {"fr", "?period=2012-03"},
                {"es", "?period=2012"},
                {"fr", "/apps"},
                {"en", "/download?usage_point=" + point + "&from=2012-03-05&to=2012-03-02"},
                {"es", "/api-access"}
            }) {
                checker.manage().addCookie(new Cookie("custodian_lang", page[0], "/"));
                checker.get(base.resolve("portal" + page[1]).toString());
                assertEquals(page[0], checker.findElement(By.tagName("html")).getAttribute("lang"));
                Browser.assertAccessible(checker);
            }
            Browser.submit(
                    checker, checker.findElement(By.xpath("//button[normalize-space()='Crear acceso a la API']")));
            Browser.assertAccessible(checker);
            checker.manage().addCookie(new Cookie("custodian_lang", "fr", "/"));
            checker.get(base.resolve("portal/api-access").toString());
            Browser.assertAccessible(checker);
            checker.get(base.resolve("portal/account").toString());
            checker.findElement(By.id("current")).sendKeys("not-the-password");
            checker.findElement(By.id("password")).sendKeys("long-enough-1");
            checker.findElement(By.id("confirm")).sendKeys("long-enough-1");
            Browser.submit(checker, checker.findElement(By.cssSelector("main form button.primary")));
            assertTrue(checker.findElement(By.cssSelector("p.error")).isDisplayed());
            Browser.assertAccessible(checker);
        } finally {
            checker.quit();
        }
    }
}
