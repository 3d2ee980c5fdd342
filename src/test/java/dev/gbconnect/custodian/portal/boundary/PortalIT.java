package dev.gbconnect.custodian.portal.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.w3c.dom.Element;

/** The customer portal in real headless Chromium: sign in, usage charts, sign out, and the headers of every page. */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class PortalIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    URI base;
    Api admin;
    String username, customer;
    ChromeDriver browser;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        username = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        customer = admin.newCustomer(username);
        assertEquals(
                201,
                admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                        .status());
        browser = Browser.start(false, 1200, 900);
    }

    @AfterEach
    void tearDown() {
        browser.quit();
    }

    private void signIn(String password) {
        browser.get(base.resolve("portal").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/portal/sign-in"), "an anonymous visit goes to the sign-in page");
        browser.findElement(By.cssSelector("label[for=username]"));
        browser.findElement(By.cssSelector("label[for=password]"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    @Test
    void portalWhenCustomerSignsInThenUsageChartsAndSignOutEndsTheSession() {
        signIn("pass-" + username);
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), browser.getCurrentUrl());
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Your energy use"), page);
        assertTrue(page.contains("readings every 15 minutes"), page);
        assertTrue(page.contains("data from 2012-03-01"), page);
        List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
        assertEquals(2, charts.size(), "daily and monthly");
        assertEquals(14, charts.get(0).findElements(By.tagName("rect")).size(), "one bar a day of the sample's data");
        Cookie session = browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE);
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        assertEquals(
                0L, browser.executeScript("return document.scripts.length"), "scripts are off and none are needed");

        Browser.submit(browser, browser.findElement(By.xpath("//button[text()='Sign out']")));
        assertTrue(browser.getCurrentUrl().endsWith("/portal/sign-in"), browser::getCurrentUrl);
        browser.manage().addCookie(session);
        browser.get(base.resolve("portal").toString());
        assertTrue(
                browser.getCurrentUrl().endsWith("/portal/sign-in"),
                "the old session cookie no longer opens the portal");
    }

    @Test
    void downloadMyDataWhenTwoDaysChosenThenValidXmlAndCsvHoldExactlyTheStoredReadingsOfThoseDays() throws Exception {
        signIn("pass-" + username);
        WebElement form = browser.findElement(By.cssSelector("form[action$='/portal/download']"));
        for (WebElement input : form.findElements(By.cssSelector("input"))) {
            assertEquals(
                    1,
                    form.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
                            .size(),
                    "a label for every input");
        }
        String point = form.findElement(By.name("usage_point")).getAttribute("value");
        String cookie = PortalResource.SESSION_COOKIE + "="
                + browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue();
        HttpClient http = Api.client().build();
        String query = "portal/download?usage_point=" + point + "&from=2012-03-03&to=2012-03-04&format=";

        long from = Instant.parse("2012-03-03T00:00:00Z").getEpochSecond(),
                to = Instant.parse("2012-03-05T00:00:00Z").getEpochSecond();
        Atom all = Atom.valid(admin.get("espi/1_1/resource/Batch/RetailCustomer/" + customer + "/UsagePoint")
                .body());
        List<String> expected = new ArrayList<>();
        for (Element reading : all.elements("//espi:IntervalReading")) {
            long start = Long.parseLong(reading.getElementsByTagNameNS("http://naesb.org/espi", "start")
                    .item(0)
                    .getTextContent());
            if (start >= from && start + 900 <= to)
                expected.add(start + "="
                        + reading.getElementsByTagNameNS("http://naesb.org/espi", "value")
                                .item(0)
                                .getTextContent());
        }
        assertEquals(192, expected.size(), "two days of 15-minute readings");

        HttpResponse<String> xml = http.send(
                HttpRequest.newBuilder(base.resolve(query + "xml"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, xml.statusCode(), xml.body());
        assertTrue(xml.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .startsWith("attachment; filename=\"green-button-2012-03-03-to-2012-03-04.xml"));
        Atom file = Atom.valid(xml.body());
        List<String> served = new ArrayList<>();
        for (Element reading : file.elements("//espi:IntervalReading")) {
            served.add(reading.getElementsByTagNameNS("http://naesb.org/espi", "start")
                            .item(0)
                            .getTextContent() + "="
                    + reading.getElementsByTagNameNS("http://naesb.org/espi", "value")
                            .item(0)
                            .getTextContent());
        }
        assertEquals(expected, served);

        HttpResponse<String> csv = http.send(
                HttpRequest.newBuilder(base.resolve(query + "csv"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        List<String> lines = csv.body().lines().toList();
        assertEquals("usage_point,start,duration_s,value,unit,cost,quality", lines.get(0));
        assertEquals(expected.size(), lines.size() - 1);
        String[] firstRow = lines.get(1).split(",", -1);
        assertEquals(
                Instant.ofEpochSecond(Long.parseLong(expected.get(0).split("=")[0]))
                        .toString(),
                firstRow[1]);
        assertEquals("900", firstRow[2]);
        assertEquals("Wh", firstRow[4]);

        String stranger =
                admin.newCustomer("stranger-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(
                201, admin.upload(stranger, Shared.sample("datasdk/Gas.xml")).status());
        String theirs = Atom.valid(admin.get("espi/1_1/resource/Batch/RetailCustomer/" + stranger + "/UsagePoint")
                        .body())
                .text("/atom:feed/atom:entry[atom:content/espi:UsagePoint]/atom:id")
                .substring(9);
        HttpResponse<String> other = http.send(
                HttpRequest.newBuilder(base.resolve(query.replace(point, theirs) + "xml"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(base.resolve(
                                query.replace(point, UUID.randomUUID().toString()) + "xml"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
        assertEquals(missing.statusCode(), other.statusCode());
        assertEquals(
                303,
                http.send(
                                HttpRequest.newBuilder(base.resolve(query + "xml"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @Test
    void connectedAppsWhenCustomerRevokesThenTheAppsTokenIsRefusedAndTheAppMovesToHistory() {
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/cb");
        JsonObject token = ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null);
        Api asApp = Api.withAuthorization(base, "Bearer " + token.getString("access_token"));
        String subscription = token.getString("resourceURI");
        assertEquals(200, asApp.get(subscription).status());
        ThirdParties.Registered personal = ThirdParties.register(
                admin,
                ThirdParties.registration(
                        "Personal Information App", ThirdParties.NOTIFY, ThirdParties.PERSONAL_SCOPE));
        assertTrue(ThirdParties.offline(admin, personal, customer, ThirdParties.PERSONAL_SCOPE, null)
                .getString("customerResourceURI")
                .endsWith("/espi/1_1/resource/Batch/RetailCustomer/" + customer));

        signIn("pass-" + username);
        WebElement connected = browser.findElement(By.xpath("//section[@class='app'][h3='Test Energy App']"));
        assertTrue(connected.getText().contains("Readings every 15 minutes."), connected.getText());
        assertTrue(
                connected
                        .getText()
                        .contains("Not your personal information (name, address, account and meter numbers)."),
                connected.getText());
        WebElement seesPersonal =
                browser.findElement(By.xpath("//section[@class='app'][h3='Personal Information App']"));
        assertTrue(
                seesPersonal.getText().contains("Your personal information: name, address, account and meter numbers."),
                seesPersonal.getText());
        assertEquals(
                ThirdParties.USER_PORTAL,
                connected
                        .findElement(By.linkText("Your account with Test Energy App"))
                        .getAttribute("href"),
                "the application's own page for its customers (ESPI thirdPartyUserPortalScreenURI)");
        assertTrue(
                connected
                        .getText()
                        .contains("until " + ThirdParties.offlineUntil().plusDays(1)),
                connected.getText());
        // by id: on the PostgreSQL run, other test classes' apps of the same name share the database
        WebElement connect = browser.findElement(
                By.xpath("//ul[@class='connect']/li/a[contains(@href, 'client_id=" + app.id() + "')]"));
        assertTrue(
                connect.getAttribute("href").endsWith("oauth/scope-selection?client_id=" + app.id()),
                connect.getAttribute("href"));
        assertTrue(
                connect.findElement(By.xpath("..")).getText().contains("Test Energy App"),
                connect.findElement(By.xpath("..")).getText());

        String csrf = connected.findElement(By.name("csrf")).getAttribute("value");
        String cookie = PortalResource.SESSION_COOKIE + "="
                + browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue();
        String strangers =
                admin.newCustomer("stranger-" + UUID.randomUUID().toString().substring(0, 8));
        admin.upload(strangers, Shared.sample("datasdk/Gas.xml"));
        String theirAuthorization = ThirdParties.offline(admin, app, strangers, ThirdParties.SCOPE, null)
                .getString("authorizationURI")
                .replaceAll(".*/", "");
        for (String id : List.of(theirAuthorization, UUID.randomUUID().toString())) {
            Api.Reply r = Api.withAuthorization(base, null)
                    .postForm("portal/revoke", null, "csrf=" + csrf + "&authorization=" + id, "Cookie", cookie);
            assertEquals(404, r.status(), "another customer's connection answers like a missing one");
        }
        assertEquals(
                "active",
                admin.get("admin/customers/" + strangers + "/authorizations")
                        .array()
                        .getJsonObject(0)
                        .getString("status"));

        Browser.submit(browser, connected.findElement(By.xpath(".//button[text()='Revoke']")));
        assertEquals(401, asApp.get(subscription).status(), "the app's token stops at once");
        assertTrue(browser.findElements(By.xpath("//section[@class='app'][h3='Test Energy App']"))
                .isEmpty());
        assertTrue(browser.findElement(By.cssSelector("ul.history")).getText().contains("Test Energy App"));
    }

    @Test
    void personalApiAccessWhenCreatedThenItsOwnerReadsOwnDataWithThePasswordGrantAndDeletingStopsIt() {
        signIn("pass-" + username);
        WebElement name = browser.findElement(By.id("api-name"));
        name.clear();
        name.sendKeys("Nightly export");
        Browser.submit(browser, browser.findElement(By.xpath("//button[text()='Create API access']")));
        String id = browser.findElement(By.id("client-id")).getText(),
                secret = browser.findElement(By.id("client-secret")).getText();
        assertTrue(browser.findElement(By.id("example")).getText().contains("grant_type=password"));

        Api.Reply token = Api.withAuthorization(base, null)
                .token(
                        Api.basic(id, secret),
                        "grant_type=password&username=" + username + "&password=pass-" + username);
        assertEquals(200, token.status(), token.body());
        Api mine = Api.withAuthorization(base, "Bearer " + token.json().getString("access_token"));
        Api.Reply data = mine.get(
                token.json().getString("resourceURI").substring(base.toString().length()));
        assertEquals(1340, Atom.valid(data.body()).count("//espi:IntervalReading"), "all of the owner's readings");

        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        admin.newCustomer(other);
        Api.Reply borrowed = Api.withAuthorization(base, null)
                .token(Api.basic(id, secret), "grant_type=password&username=" + other + "&password=pass-" + other);
        assertEquals(400, borrowed.status());
        assertEquals(
                "invalid_grant",
                borrowed.json().getString("error"),
                "another customer's right password fails like a wrong one");

        browser.get(base.resolve("portal").toString());
        WebElement listed =
                browser.findElement(By.xpath("//ul[@class='api-access']/li[contains(., 'Nightly export')]"));
        assertFalse(browser.getPageSource().contains(secret), "the secret is never shown again");
        Browser.submit(browser, listed.findElement(By.xpath(".//button[text()='Delete']")));
        assertEquals(
                401, mine.get("espi/1_1/resource/ReadServiceStatus").status(), "deleting the access stops its tokens");
        assertTrue(
                browser.findElements(By.xpath("//ul[@class='api-access']/li")).isEmpty());
    }

    @Test
    void signInWhenPasswordWrongOrUserUnknownThenTheSameMessageAndNoSession() {
        signIn("wrong-password");
        String wrong = browser.findElement(By.cssSelector("p.error")).getText();
        assertTrue(wrong.contains("not right"), wrong);
        assertTrue(browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE) == null);
        username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("whatever");
        assertEquals(wrong, browser.findElement(By.cssSelector("p.error")).getText());
    }

    @Test
    void signInWhenWrongPasswordFirstThenTheRightOneOpensThePortal() {
        signIn("wrong-password");
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("not right"));
        signIn("pass-" + username);
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), browser::getCurrentUrl);
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("Your energy use"));
    }

    @Test
    void signInWhenFiveWrongPasswordsThenTheRightOneIsRefusedWithTheSameMessage() {
        for (int i = 0; i < 5; i++) signIn("wrong-password-" + i);
        String wrong = browser.findElement(By.cssSelector("p.error")).getText();
        signIn("pass-" + username);
        assertTrue(browser.getCurrentUrl().endsWith("/portal/sign-in"), browser::getCurrentUrl);
        assertEquals(wrong, browser.findElement(By.cssSelector("p.error")).getText(), "locked, said like a wrong one");
        assertTrue(browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE) == null);
    }

    @Test
    void signOutWhenForgedThenNothingChangesAndTheSessionStillWorks() {
        signIn("pass-" + username);
        String cookie = PortalResource.SESSION_COOKIE + "="
                + browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue();
        Api anonymous = Api.withAuthorization(base, null);
        for (String form : List.of("", "csrf=guessed")) {
            Api.Reply refused = anonymous.postForm("portal/sign-out", null, form, "Cookie", cookie);
            assertEquals(400, refused.status(), form);
            assertTrue(refused.body().contains("The page expired"), refused.body());
            assertEquals(List.of(), refused.raw().headers().allValues("Set-Cookie"), "a refusal sets no cookie");
        }
        Api.Reply unseen = anonymous.postForm("portal/sign-out", null, "csrf=guessed");
        assertEquals(
                List.of(),
                unseen.raw().headers().allValues("Set-Cookie"),
                "a post from another site arrives without the SameSite=Lax cookie, and clears nothing");
        assertEquals(200, anonymous.get("portal", "Cookie", cookie).status(), "the session still works");

        // Another site's page posts the sign-out form in the customer's own browser.
        browser.get("data:text/html,<form method=post action='" + base.resolve("portal/sign-out")
                + "'><input type=hidden name=csrf value=guessed><button>Win a prize</button></form>");
        Browser.submit(browser, browser.findElement(By.tagName("button")));
        browser.get(base.resolve("portal").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), "still signed in: " + browser.getCurrentUrl());
    }

    @Test
    void portalWhenPhoneWidthThenNothingOverflows() {
        browser.quit();
        browser = Browser.start(false, 360, 800);
        signIn("pass-" + username);
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number clientWidth = (Number) browser.executeScript("return document.documentElement.clientWidth");
        assertTrue(scrollWidth.intValue() <= clientWidth.intValue(), scrollWidth + " > " + clientWidth);
        assertTrue(browser.findElement(By.xpath("//button[text()='Download']")).isDisplayed());
    }

    @Test
    void signInWhenTwiceThenANewSessionIdEachTime() {
        signIn("pass-" + username);
        String first =
                browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue();
        browser.manage().deleteAllCookies();
        signIn("pass-" + username);
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), browser::getCurrentUrl);
        assertNotEquals(
                first,
                browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue());
    }

    @Test
    void pagesWhenFetchedThenSafeHeadersAndAForgedSignInIsRefused() throws Exception {
        HttpClient http = Api.client().build();
        signIn("pass-" + username);
        String cookie = PortalResource.SESSION_COOKIE + "="
                + browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue();
        assertEquals(
                303,
                http.send(HttpRequest.newBuilder(base.resolve("portal")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        for (String path : List.of("portal/sign-in", "portal", "portal/download?format=xml")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(path.contains("download") ? 400 : 200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"), csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(base.resolve("portal/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + username + "&password=pass-" + username + "&csrf=guessed"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, forged.statusCode(), "a form posted from elsewhere lacks the form cookie");
        assertFalse(forged.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(PortalResource.SESSION_COOKIE + "=")));
    }
}
