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
