package dev.gbconnect.custodian.portal.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.UsageTable;
import dev.gbconnect.custodian.testsupport.Xml;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.w3c.dom.Element;

/**
 * The usage page's charts in Chromium (issue 20 items 2 and 3): local days, months and hours from each usage point's
 * LocalTimeParameters, axes, a table of every bar, cost, a year earlier, units of gas, in each shipped language. The
 * sample openespi/test_usage_data.xml is 15-minute Wh with costs in USD, in UTC−5 with the US DST rules (the clocks
 * go forward on 2012-03-11).
 */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class PortalUsageIT {

    private static final String ESPI = "http://naesb.org/espi";

    /** One browser for the class: each test signs its own customer in. */
    private static ChromeDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    URI base;
    Api admin;

    record Reading(long start, long duration, long value, long cost) {}

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        if (browser == null) browser = Browser.start(false, 1200, 900);
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void quit() {
        if (browser != null) browser.quit();
        browser = null;
    }

    @Test
    void monthWhenEachLanguageThenAxesTicksAndATableOfEveryLocalDayWithItsCost() throws Exception {
        List<Reading> readings = readings(sample("openespi/test_usage_data.xml"));
        // The local day of 2 March 2012 in UTC−5: 05:00 UTC to 05:00 UTC.
        Reading day = sum(readings, "2012-03-02T05:00:00Z", "2012-03-03T05:00:00Z");
        assertEquals(96, day.duration(), "96 readings of 15 minutes");
        for (String[] expected : List.of(
                new String[] {"en", "Use by day, March 2012 (kWh)", "Day", "Cost (USD)"},
                new String[] {"fr", "Consommation par jour, mars 2012 (kWh)", "Jour", "Coût (USD)"},
                new String[] {"es", "Consumo por día, marzo 2012 (kWh)", "Día", "Costo (USD)"})) {
            Locale locale = Locale.forLanguageTag(expected[0]);
            customer(expected[0], sample("openespi/test_usage_data.xml"));
            show("2012-03");
            assertEquals(
                    expected[1],
                    browser.findElement(By.cssSelector("figure figcaption")).getText());
            WebElement svg = browser.findElement(By.cssSelector("svg.chart"));
            List<WebElement> ticks = svg.findElements(By.cssSelector("text[text-anchor=end]"));
            assertTrue(ticks.size() >= 3, "labelled ticks on the value axis");
            assertEquals("0", ticks.get(0).getText());
            assertTrue(svg.getText().contains("kWh"), "the unit on the value axis");
            assertTrue(svg.findElements(By.cssSelector("text.tick")).size() >= 8, "labels under the bars");
            assertEquals(expected[2], svg.findElement(By.xpath("./*[last()]")).getText(), "the axis's name");
            assertEquals(31, UsageTable.rows(browser).size(), "a row for every day of March");
            assertEquals(
                    expected[3],
                    browser.findElement(By.cssSelector("table.usage thead th:nth-child(3)"))
                            .getText());
            List<String> cells = UsageTable.row(
                    browser,
                    java.time.LocalDate.of(2012, 3, 2)
                            .format(java.time.format.DateTimeFormatter.ofLocalizedDate(
                                            java.time.format.FormatStyle.LONG)
                                    .withLocale(locale)));
            assertEquals(day.value() / 1000.0, parse(cells.get(0), locale), 0.051, cells.toString());
            assertEquals(day.cost() / 100_000.0, parse(cells.get(1), locale), 0.0051, cells.toString());
            assertTrue(cells.get(1).contains("$"), cells.get(1));
            assertEquals("–", cells.get(2), "nothing a year earlier");
            assertTrue(
                    browser.findElement(By.cssSelector("p.zone")).getText().contains("UTC\u221205:00"),
                    browser.findElement(By.cssSelector("p.zone")).getText());
        }
    }

    @Test
    void dayWhenTheClocksGoForwardThenTwentyThreeLocalHoursAndTheDownloadHoldsThem() throws Exception {
        List<Reading> readings = readings(sample("openespi/test_usage_data.xml"));
        customer("en", sample("openespi/test_usage_data.xml"));
        show("2012-03-10");
        assertEquals(24, UsageTable.rows(browser).size());
        show("2012-03-11");
        assertEquals(23, UsageTable.rows(browser).size(), "02:00 to 03:00 did not happen");
        assertEquals(
                23, browser.findElements(By.cssSelector("svg.chart rect.now")).size());
        List<String> hours = UsageTable.rows(browser).stream()
                .map(r -> r.findElement(By.tagName("th")).getText())
                .toList();
        assertEquals(List.of("00:00", "01:00", "03:00"), hours.subList(0, 3));
        Reading day = sum(readings, "2012-03-11T05:00:00Z", "2012-03-12T04:00:00Z");
        String total =
                browser.findElement(By.cssSelector("table.usage tfoot td")).getText();
        assertEquals(day.value() / 1000.0, parse(total, Locale.ENGLISH), 0.0051, total);
        assertTrue(browser.findElement(By.cssSelector("p.zone")).getText().contains("daylight saving time observed"));

        String cookie = PortalResource.SESSION_COOKIE + "="
                + browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue();
        String point = browser.findElement(By.name("usage_point")).getAttribute("value");
        Api.Reply csv = Api.withAuthorization(base, null)
                .get(
                        "portal/download?usage_point=" + point + "&from=2012-03-11&to=2012-03-11&format=csv",
                        "Cookie",
                        cookie);
        assertEquals(200, csv.status(), csv.body());
        List<String> lines = csv.body().lines().skip(1).toList();
        assertEquals(92, lines.size(), "the local day's 23 hours");
        assertEquals("2012-03-11T05:00:00Z", lines.get(0).split(",")[1]);
        assertEquals("2012-03-12T03:45:00Z", lines.get(lines.size() - 1).split(",")[1]);
    }

    /**
     * issue 20: a monthly gas reading from midnight UTC (bob's demo meter) is the evening before in UTC−5, and was
     * charted a month early. This is datasdk/Gas.xml moved from local midnight (04:00 UTC) to midnight UTC.
     */
    @Test
    void yearWhenMonthlyGasReadFromMidnightUtcThenEachMonthInItsOwnMonthInTherms() throws Exception {
        String gas = Files.readString(Shared.sample("datasdk/Gas.xml"));
        Matcher m = Pattern.compile("<start>(\\d+)</start>").matcher(gas);
        StringBuilder moved = new StringBuilder();
        while (m.find()) m.appendReplacement(moved, "<start>" + (Long.parseLong(m.group(1)) - 14_400) + "</start>");
        byte[] fixture = m.appendTail(moved).toString().getBytes(StandardCharsets.UTF_8);
        List<Reading> readings = readings(fixture);
        assertEquals(
                Instant.parse("2011-04-01T00:00:00Z").getEpochSecond(),
                readings.get(0).start());
        customer("en", fixture);
        show("2011");
        assertEquals(
                "Use by month, 2011 (therms)",
                browser.findElement(By.cssSelector("figure figcaption")).getText());
        assertEquals(12, UsageTable.rows(browser).size());
        assertEquals("–", UsageTable.row(browser, "March 2011").get(0), "nothing in March");
        assertEquals(
                readings.get(0).value() / 1000.0,
                parse(UsageTable.row(browser, "April 2011").get(0), Locale.ENGLISH),
                0.51);
        show("2012");
        List<String> april = UsageTable.row(browser, "April 2012");
        assertEquals(readings.get(12).value() / 1000.0, parse(april.get(0), Locale.ENGLISH), 0.51);
        assertEquals(readings.get(0).value() / 1000.0, parse(april.get(2), Locale.ENGLISH), 0.51, "a year earlier");
        assertTrue(
                browser.findElement(By.cssSelector("figure p")).getText().contains("Compared with a year earlier"),
                browser.findElement(By.cssSelector("figure p")).getText());
    }

    @Test
    void viewsWhenFollowedWithoutScriptThenDayMonthYearAndThePeriodsAround() throws Exception {
        customer("en", sample("openespi/test_usage_data.xml"));
        assertEquals(
                "Use by day, March 2012 (kWh)",
                browser.findElement(By.cssSelector("figure figcaption")).getText(),
                "the month of the latest data first");
        Browser.follow(browser, "Day");
        // The data ends at 04:00 UTC on 15 March, local midnight in daylight saving time.
        assertTrue(browser.getCurrentUrl().endsWith("period=2012-03-14"), browser.getCurrentUrl());
        assertEquals("page", browser.findElement(By.linkText("Day")).getAttribute("aria-current"));
        assertEquals(
                24,
                browser.findElements(By.xpath("//table[@class='usage']/tbody/tr[td[1]!='–']"))
                        .size());
        Browser.follow(browser, "Previous");
        assertTrue(browser.getCurrentUrl().endsWith("period=2012-03-13"), browser.getCurrentUrl());
        Browser.follow(browser, "Year");
        assertEquals(
                "Use by month, 2012 (kWh)",
                browser.findElement(By.cssSelector("figure figcaption")).getText());
        Browser.follow(browser, "Next");
        assertTrue(browser.getCurrentUrl().endsWith("period=2013"), browser.getCurrentUrl());

        String cookie = PortalResource.SESSION_COOKIE + "="
                + browser.manage().getCookieNamed(PortalResource.SESSION_COOKIE).getValue();
        Api.Reply wrong = Api.withAuthorization(base, null).get("portal?period=2012-13", "Cookie", cookie);
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("The period must be a day"), wrong.body());
    }

    /** A new customer with these uploads, signed in, the page in {@code language}. */
    private void customer(String language, byte[]... uploads) {
        String username = "usage-" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin.newCustomer(username);
        for (byte[] upload : uploads)
            assertEquals(201, admin.upload(id, "application/atom+xml", upload).status());
        browser.get(base.resolve("portal/sign-in").toString());
        browser.manage().addCookie(new Cookie(CustomerFrame.LANGUAGE_COOKIE, language));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("pass-" + username);
        Browser.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), browser::getCurrentUrl);
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Shared.sample(name));
    }

    private static List<Reading> readings(byte[] xml) throws Exception {
        List<Reading> all = new ArrayList<>();
        try (InputStream in = new java.io.ByteArrayInputStream(xml)) {
            for (Element r : Xml.elements(Xml.parse(in), ESPI, "IntervalReading"))
                all.add(new Reading(number(r, "start"), number(r, "duration"), number(r, "value"), number(r, "cost")));
        }
        return all;
    }

    private static long number(Element e, String name) {
        var list = e.getElementsByTagNameNS(ESPI, name);
        return list.getLength() == 0 ? 0 : Long.parseLong(list.item(0).getTextContent());
    }

    /** The readings of {@code [from, to)}: value and cost summed. */
    private static Reading sum(List<Reading> readings, String from, String to) {
        long f = Instant.parse(from).getEpochSecond(), t = Instant.parse(to).getEpochSecond(), value = 0, cost = 0;
        int n = 0;
        for (Reading r : readings)
            if (r.start() >= f && r.start() < t) {
                value += r.value();
                cost += r.cost();
                n++;
            }
        return new Reading(f, n, value, cost);
    }

    private void show(String period) {
        browser.get(base.resolve("portal?period=" + period).toString());
    }

    /** A number as the page's language writes it, currency signs and spaces aside. */
    private static double parse(String text, Locale locale) throws ParseException {
        String digits = text.replaceAll("[^0-9,.\\-]", "");
        return NumberFormat.getNumberInstance(locale).parse(digits).doubleValue();
    }
}
