package dev.gbconnect.custodian.consent.boundary;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.Callback;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The sign-in and consent pages in real headless Chromium: a customer signs in, chooses, and allows or denies. */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class ConsentPageIT {

    private static final String VERIFIER = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    URI base;
    Api admin;
    Callback callback;
    ThirdParties.Registered app;
    String username, customerId;
    ChromeDriver browser;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        callback = new Callback();
        app = ThirdParties.confidential(admin, callback.uri());
        username = "cp-" + UUID.randomUUID().toString().substring(0, 8);
        customerId = admin.newCustomer(username);
        assertEquals(
                201,
                admin.upload(customerId, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
    }

    @AfterEach
    void tearDown() {
        if (browser != null) browser.quit();
        callback.close();
    }

    void openConsentPage(boolean javascript, int width) {
        openConsentPage(javascript, width, ThirdParties.SCOPE);
    }

    void openConsentPage(boolean javascript, int width, String scope) {
        openSignInPage(javascript, width, scope);
        signIn("pass-" + username);
    }

    void openSignInPage(boolean javascript, int width) {
        openSignInPage(javascript, width, ThirdParties.SCOPE);
    }

    void openSignInPage(boolean javascript, int width, String scope) {
        browser = Browser.start(javascript, width, 900);
        browser.get(
                base.resolve("oauth/authorize?" + authorizeQuery(app, scope)).toString());
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("Test Energy App"));
    }

    /** The authorization request of {@code client} to the test callback, with a PKCE challenge. */
    String authorizeQuery(ThirdParties.Registered client, String scope) {
        return "response_type=code&client_id=" + client.id() + "&redirect_uri=" + enc(callback.uri()) + "&scope="
                + enc(scope) + "&state=st-42&code_challenge=" + ThirdParties.challenge(VERIFIER)
                + "&code_challenge_method=S256";
    }

    void signIn(String password) {
        browser.findElement(By.cssSelector("label[for=username]"));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    /** The token response to the code the approval sent to the callback. */
    Api.Reply approvedToken() throws Exception {
        Map<String, String> answer = query(callback.next());
        assertEquals("st-42", answer.get("state"));
        return Api.withAuthorization(base, null)
                .token(
                        app.basic(),
                        "grant_type=authorization_code&code=" + enc(answer.get("code")) + "&redirect_uri="
                                + enc(callback.uri()) + "&code_verifier=" + VERIFIER);
    }

    Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void consentWhenCustomerChoosesTwoOfThreeAndApprovesWithoutJavaScriptThenOnlyThoseAreShared() throws Exception {
        openConsentPage(false, 1200);
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Share your energy data with Test Energy App?"), page);
        assertTrue(page.contains("Readings every 15 minutes."), page);
        assertTrue(page.contains("Past data going back 13 months."), page);
        List<WebElement> boxes = browser.findElements(By.name("usage_point"));
        assertEquals(3, boxes.size());
        for (WebElement box : boxes) {
            assertNotNull(
                    browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")),
                    "every input has a label");
        }
        boxes.get(0).click();
        boxes.get(2).click();
        Set<String> chosen =
                Set.of(boxes.get(0).getAttribute("value"), boxes.get(2).getAttribute("value"));
        WebElement until = browser.findElement(By.id("until"));
        until.clear();
        LocalDate last = LocalDate.now().plusMonths(3);
        until.sendKeys(String.format("%02d%02d%d", last.getMonthValue(), last.getDayOfMonth(), last.getYear()));
        browser.findElement(By.cssSelector("button[value=approve]")).click();

        Api.Reply token = approvedToken();
        assertEquals(200, token.status(), token.body());

        JsonArray granted =
                admin.get("admin/customers/" + customerId + "/authorizations").array();
        assertEquals(1, granted.size());
        JsonObject a = granted.getJsonObject(0);
        assertEquals("active", a.getString("status"));
        assertEquals(
                chosen,
                a.getJsonArray("usage_points").getValuesAs(JsonString::getString).stream()
                        .collect(Collectors.toSet()));
        assertTrue(a.getString("until").startsWith(last.plusDays(1).toString()), a.toString());
        assertTrue(token.json().getString("authorizationURI").endsWith("/Authorization/" + a.getString("id")));
    }

    /**
     * Issue 17: personal information (FB_53) is an item of its own, unticked until the customer ticks it; ticked, the
     * token answer carries customerResourceURI; left unticked, the grant is usage data only.
     */
    @Test
    void consentWhenPersonalInformationAskedThenUntickedByDefaultAndOnlyTickingItGrantsIt() throws Exception {
        app = ThirdParties.register(
                admin,
                ThirdParties.registration("Test Energy App", ThirdParties.NOTIFY, ThirdParties.PERSONAL_SCOPE)
                        .replace("http://127.0.0.1:9/cb", callback.uri()));
        for (boolean tick : List.of(true, false)) {
            openConsentPage(false, 1200, ThirdParties.PERSONAL_SCOPE);
            WebElement personal = browser.findElement(By.name("personal_information"));
            assertFalse(personal.isSelected(), "unticked by default");
            assertNotNull(browser.findElement(By.cssSelector("label[for='" + personal.getAttribute("id") + "']")));
            if (tick) personal.click();
            browser.findElements(By.name("usage_point")).get(0).click();
            browser.findElement(By.cssSelector("button[value=approve]")).click();

            Api.Reply token = approvedToken();

            assertEquals(200, token.status(), token.body());
            assertEquals(tick, token.json().containsKey("customerResourceURI"), token.body());
            if (tick)
                assertTrue(token.json()
                        .getString("customerResourceURI")
                        .endsWith("/espi/1_1/resource/Batch/RetailCustomer/" + customerId));
            assertEquals(tick, token.json().getString("scope").contains("_53"), token.body());
            browser.quit();
            browser = null;
        }
    }

    @Test
    void consentWhenCustomerDeniesThenTheAppHearsAccessDeniedAndNothingIsShared() throws Exception {
        openConsentPage(true, 1200);
        browser.findElement(By.cssSelector("button[value=deny]")).click();

        Map<String, String> answer = query(callback.next());
        assertEquals("access_denied", answer.get("error"));
        assertEquals("st-42", answer.get("state"));
        JsonArray granted =
                admin.get("admin/customers/" + customerId + "/authorizations").array();
        assertEquals("denied", granted.getJsonObject(0).getString("status"));
    }

    @Test
    void signInWhenWrongPasswordFirstThenTheRightOneOpensTheConsentPage() {
        openSignInPage(false, 1200);
        signIn("not-the-password");
        assertEquals(
                "Wrong username or password.",
                browser.findElement(By.cssSelector("p.error")).getText());
        signIn("pass-" + username);
        assertTrue(
                browser.findElement(By.tagName("body"))
                        .getText()
                        .contains("Share your energy data with Test Energy App?"),
                browser::getPageSource);
    }

    /**
     * The switcher keeps the pending request on the sign-in and the consent page; texts, dates and the consent form's
     * own problems follow the language, and axe-core finds nothing serious on any of them.
     */
    @Test
    void consentWhenCustomerSwitchesToFrenchThenSpanishThenTheRequestIsKeptAndEveryPageIsInThatLanguage()
            throws Exception {
        openSignInPage(true, 1200);
        Browser.assertAccessible(browser);
        switchTo("Français");
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(body().contains("Connectez-vous pour partager vos données énergétiques"), body());
        Browser.assertAccessible(browser);
        signIn("pass-" + username);
        assertTrue(body().contains("Partager vos données énergétiques avec Test Energy App ?"), body());
        assertTrue(body().contains("Des relevés à intervalles de 15 minutes."), body());
        assertTrue(body().contains("Historique sur 13 mois."), body());
        assertTrue(body().contains("Un jour entre le " + day(1, Locale.FRENCH)), body());
        Browser.assertAccessible(browser);

        switchTo("Español");
        assertTrue(body().contains("¿Compartir sus datos de energía con Test Energy App?"), body());
        assertTrue(body().contains("Cualquier día del " + day(1, SPANISH)), body());
        Browser.submit(browser, browser.findElement(By.cssSelector("button[value=approve]")));
        assertEquals(
                "Elija al menos un servicio que compartir, o deniegue el acceso.",
                browser.findElement(By.cssSelector("p.error")).getText());
        Browser.assertAccessible(browser);
        browser.findElements(By.name("usage_point")).get(1).click();
        browser.findElement(By.cssSelector("button[value=approve]")).click();
        assertEquals("st-42", query(callback.next()).get("state"), "the request the app made is answered");
    }

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    /**
     * Issue 20: the last day of sharing is the customer's local day (the usage points' LocalTimeParameters, UTC−05:00
     * with daylight saving time): the share ends at the local midnight after it, and Connected apps shows that same
     * day with its offset; on the day the clocks go forward, that midnight is already in summer time.
     */
    @Test
    void consentWhenLastDayChosenThenItEndsAtTheUsagePointsLocalMidnightAndTheAppsPageShowsThatDay() {
        String local = "lt-" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin.newCustomer(local);
        assertEquals(
                201,
                admin.upload(id, Shared.sample("openespi/test_usage_data.xml")).status());
        Map<String, String> ends = Map.of(
                "2027-12-06", "2027-12-07T05:00:00Z",
                "2027-03-14", "2027-03-15T04:00:00Z");
        ends.forEach((lastDay, end) -> {
            ThirdParties.Registered other = ThirdParties.confidential(admin, callback.uri());
            Api.Reply answer = new ConsentFlow(base)
                    .consent(
                            authorizeQuery(other, ThirdParties.SCOPE),
                            local,
                            "pass-" + local,
                            "approve",
                            null,
                            lastDay);
            assertTrue(answer.header("Location").contains("code="), answer.status() + " " + answer.body());
        });
        JsonArray granted =
                admin.get("admin/customers/" + id + "/authorizations").array();
        assertEquals(
                Set.copyOf(ends.values()),
                granted.getValuesAs(JsonObject.class).stream()
                        .map(a -> Instant.parse(a.getString("until")).toString())
                        .collect(Collectors.toSet()));

        String apps = ConsentFlow.portal(base, local).get("portal/apps").body();
        assertTrue(apps.contains("until the end of Dec 6, 2027 (UTC−05:00)"), apps);
        assertTrue(apps.contains("until the end of Mar 14, 2027 (UTC−04:00)"), apps);
        String consentPage = flowToConsentPage(local);
        assertTrue(consentPage.contains("UTC−05:00, daylight saving time observed (UTC−04:00 in summer)"), consentPage);
    }

    /** The consent page of a new request of the test app, as {@code customer} sees it after signing in. */
    private String flowToConsentPage(String customer) {
        ConsentFlow flow = new ConsentFlow(base);
        Api.Reply signInPage = flow.authorize(authorizeQuery(app, ThirdParties.SCOPE));
        Api.Reply signedIn = flow.signIn(ConsentFlow.handle(signInPage), customer, "pass-" + customer);
        return flow.get(signedIn.header("Location")).body();
    }

    private void switchTo(String language) {
        Browser.submit(browser, browser.findElement(By.linkText(language)));
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** A day from today as the customer's language writes it. */
    private static String day(int fromToday, Locale language) {
        return LocalDate.now()
                .plusDays(fromToday)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language));
    }

    @Test
    void consentPageWhenPhoneWidthThenNothingOverflowsAndNoScriptRuns() {
        openConsentPage(true, 360);
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number clientWidth = (Number) browser.executeScript("return document.documentElement.clientWidth");
        assertTrue(scrollWidth.intValue() <= clientWidth.intValue(), scrollWidth + " > " + clientWidth);
        assertEquals(0L, browser.executeScript("return document.scripts.length"));
        assertTrue(browser.findElement(By.cssSelector("button[value=approve]")).isDisplayed());
    }
}
