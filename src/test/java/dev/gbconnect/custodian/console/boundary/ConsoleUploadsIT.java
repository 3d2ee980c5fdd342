package dev.gbconnect.custodian.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.ConsoleSignIn;
import dev.gbconnect.custodian.testsupport.ConsoleUploads;
import dev.gbconnect.custodian.testsupport.Screenshots;
import dev.gbconnect.custodian.testsupport.Shared;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Uploads from the console (issue 19 item 5) and the upload history every upload leaves, on the shared server
 * (custodian.upload.max-bytes 3,000,000 there; UberJarIT uploads 100 MB through Chromium on a server of its own
 * limit): the form in Chromium with its progress bar, the same form posted without JavaScript, refusals as pages
 * and as history rows with their problems, roles that may not upload, and concurrent API uploads each recorded.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleUploadsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    static ChromeDriver browser;

    @TempDir
    static Path files;

    @ArquillianResource
    URL url;

    URI base;
    Api admin, anonymous;

    @BeforeAll
    static void startBrowser() {
        browser = dev.gbconnect.custodian.testsupport.Browser.start(true, 1200, 800);
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

    /** The history of one customer's uploads through the admin API, newest first. */
    private List<JsonObject> history(String customer) {
        Api.Reply r = admin.get("admin/uploads?customer=" + customer);
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("uploads").getValuesAs(JsonObject.class);
    }

    private String session() {
        return "custodian_console="
                + browser.manage().getCookieNamed("custodian_console").getValue();
    }

    private String csrf() {
        return ConsoleSignIn.csrf(base, session());
    }

    @Test
    void operatorWhenUploadsInChromiumThenTheProgressBarMovesAndTheAnswerIsTheHistoryEntry() throws Exception {
        String username = ConsoleIT.unique("browser-upload");
        String customer = admin.newCustomer(username);
        Path file = ConsoleUploads.generated(files, "browser", 150);
        ConsoleUploads.signIn(browser, base, ConsoleIT.OPERATOR, ConsoleIT.OPERATOR_PASSWORD);

        List<Double> progress = ConsoleUploads.upload(browser, base, username, file);

        assertFalse(progress.isEmpty(), "the progress bar showed");
        assertTrue(progress.stream().allMatch(f -> f >= 0 && f <= 1), progress.toString());
        assertEquals("stored", browser.findElement(By.id("result")).getText());
        Screenshots.take(browser, "console-upload-result");
        assertEquals(
                String.valueOf(Files.size(file)),
                browser.findElement(By.id("bytes")).getText());
        JsonObject entry = history(customer).get(0);
        assertEquals("local:" + ConsoleIT.OPERATOR, entry.getString("actor_subject"));
        assertEquals("usage", entry.getString("kind"));
        assertEquals(150 * 96, entry.getJsonObject("readings").getInt("created"));
        assertEquals(Files.size(file), entry.getJsonNumber("bytes").longValue());
        assertTrue(browser.getCurrentUrl().endsWith("/console/uploads/" + entry.getString("id")));
        browser.get(base.resolve("console/uploads").toString());
        assertTrue(browser.findElement(By.tagName("body")).getText().contains(customer), "listed in the history");
        Screenshots.take(browser, "console-uploads");
        browser.get(
                base.resolve("console/audit?action=upload&target=" + customer).toString());
        assertTrue(
                browser.findElement(By.tagName("body")).getText().contains("customer " + customer + ": stored"),
                "in the audit log with its actor");
    }

    @Test
    void operatorWhenFormPostedWithoutJavaScriptThenStoredOrRefusedWithAPageAndAHistoryRow() throws Exception {
        String username = ConsoleIT.unique("form-upload");
        String customer = admin.newCustomer(username);
        ConsoleUploads.signIn(browser, base, ConsoleIT.OPERATOR, ConsoleIT.OPERATOR_PASSWORD);
        String session = session(), csrf = csrf();
        Path sample = Shared.sample("openespi/test_usage_data.xml");

        Api.Reply stored = ConsoleUploads.post(base, session, csrf, username, sample, false);
        assertEquals(303, stored.status(), stored.body());
        assertTrue(stored.header("Location")
                .contains("/console/uploads/" + history(customer).get(0).getString("id")));

        Api.Reply forged = ConsoleUploads.post(base, session, "guessed", username, sample, false);
        assertEquals(400, forged.status());
        assertTrue(forged.body().contains("The page expired"), forged.body());
        assertEquals(1, history(customer).size(), "a forged form imports nothing and is no upload");

        Path broken = Files.writeString(
                files.resolve("broken.xml"), Files.readString(sample).replace("</feed>", "<entry></feed>"));
        Api.Reply invalid = ConsoleUploads.post(base, session, csrf, customer, broken, false);
        assertEquals(400, invalid.status());
        assertTrue(invalid.header("Content-Type").startsWith("text/html"));
        assertTrue(invalid.body().contains("invalid_upload") && invalid.body().matches("(?s).*<li>\\d+:\\d+: .*"));
        JsonObject refused = history(customer).get(0);
        assertEquals("invalid_upload", refused.getString("result"));
        assertTrue(refused.getInt("problem_count") >= 1);
        assertTrue(refused.getJsonArray("problems").getString(0).matches("\\d+:\\d+: .+"), refused.toString());
        assertEquals(0, refused.getJsonObject("resources").getInt("created"));
        String listed = anonymous
                .get("console/uploads?result=invalid_upload", "Cookie", session)
                .body();
        assertTrue(listed.contains(refused.getString("id")), "filtered by result");
        assertFalse(anonymous
                .get("console/uploads?result=stored", "Cookie", session)
                .body()
                .contains(refused.getString("id")));
        String dashboard = anonymous.get("console", "Cookie", session).body();
        assertTrue(
                dashboard.matches("(?s).*<td id=\"uploads-failed\" class=\"error\">[1-9][0-9]*</td>.*"),
                "the last day's failures counted and highlighted: " + dashboard);
        assertTrue(dashboard.contains("/console/uploads/" + refused.getString("id")), "and listed");

        Path large = ConsoleUploads.generated(files, "large", 250);
        Api.Reply announced = ConsoleUploads.post(base, session, csrf, customer, large, false);
        assertEquals(413, announced.status());
        assertTrue(announced.body().contains("larger than the limit of 3000000 bytes"), announced.body());
        Api.Reply tooLarge = ConsoleUploads.post(base, session, csrf, customer, large, true);
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.body().contains("3000000 bytes"), tooLarge.body());
        assertEquals("upload_too_large", history(customer).get(0).getString("result"));

        Api.Reply unknown = ConsoleUploads.post(base, session, csrf, "no-such-customer-" + username, sample, false);
        assertEquals(404, unknown.status());
        assertTrue(history("no-such-customer-" + username)
                .get(0)
                .getString("result")
                .equals("not_found"));
    }

    @Test
    void supportAndAuditorWhenTheyUploadThenRefusedWith403AndNothingRecorded() throws Exception {
        String username = ConsoleIT.unique("denied-upload");
        String customer = admin.newCustomer(username);
        ConsoleUploads.signIn(browser, base, ConsoleIT.OPERATOR, ConsoleIT.OPERATOR_PASSWORD);
        String operator = session(), operatorCsrf = csrf();
        for (String role : new String[] {"SUPPORT", "AUDITOR"}) {
            String staff = ConsoleIT.unique(role.toLowerCase());
            Api.Reply created = anonymous.postForm(
                    "console/staff",
                    null,
                    "username=" + staff + "&name=" + staff + "&role=" + role + "&password=" + staff + staff + "&csrf="
                            + URLEncoder.encode(operatorCsrf, StandardCharsets.UTF_8),
                    "Cookie",
                    operator);
            assertEquals(303, created.status(), created.body());
            browser.manage().deleteAllCookies();
            ConsoleUploads.signIn(browser, base, staff, staff + staff);
            browser.get(base.resolve("console/uploads").toString());
            assertTrue(browser.findElements(By.id("upload")).isEmpty(), role + " is not offered the form");
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Uploads"), "but reads the history");

            Api.Reply refused = ConsoleUploads.post(
                    base, session(), csrf(), username, Shared.sample("openespi/test_usage_data.xml"), false);
            assertEquals(403, refused.status(), role);
            assertTrue(refused.body().contains("Your role does not allow this"), refused.body());
        }
        assertEquals(List.of(), history(customer), "nothing was uploaded");
        assertEquals(0, admin.inventory(customer).size());
    }

    @Test
    void apiUploadsWhenConcurrentThenEachHasItsRowAndRefusalsTheirProblems() throws Exception {
        String customer = admin.newCustomer(ConsoleIT.unique("concurrent-history"));
        byte[] sample = Files.readAllBytes(Shared.sample("openespi/test_usage_data.xml"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Reply>> uploads = List.of(
                    pool.submit(() -> admin.upload(customer, "application/atom+xml", sample)),
                    pool.submit(() -> admin.upload(customer, "application/atom+xml", sample)),
                    pool.submit(() -> admin.upload(customer, "application/atom+xml", sample)),
                    pool.submit(() -> admin.upload(customer, "application/atom+xml", "<feed>".getBytes())));
            for (Future<Api.Reply> u : uploads) u.get();
        } finally {
            pool.shutdown();
        }
        Api.Reply info = admin.raw(
                "POST",
                "espi/1_1/resource/Batch/RetailCustomer/" + customer,
                admin.authorization(),
                "application/xml",
                "<feed".getBytes(StandardCharsets.UTF_8),
                false);
        assertEquals(400, info.status());

        List<JsonObject> rows = history(customer);
        assertEquals(5, rows.size(), rows.toString());
        assertEquals(
                3,
                rows.stream()
                        .filter(r -> r.getString("result").equals("stored"))
                        .count());
        assertEquals(
                2,
                rows.stream()
                        .filter(r -> r.getString("result").equals("invalid_upload"))
                        .count());
        assertTrue(rows.stream().allMatch(r -> r.getString("actor_subject").equals("client:" + Api.IT_ADMIN)));
        assertEquals(
                "customer-information", rows.get(0).getString("kind"), "the newest is the customer-information upload");
        assertFalse(rows.get(0).getJsonArray("problems").isEmpty());
        assertEquals(
                1,
                rows.stream()
                        .filter(r -> r.getString("result").equals("stored"))
                        .filter(r -> r.getJsonObject("resources").getInt("created") > 0)
                        .count(),
                "one created, the others found it stored");
        assertEquals(400, admin.get("admin/uploads?size=0").status());
        assertEquals(401, anonymous.get("admin/uploads").status());
    }
}
