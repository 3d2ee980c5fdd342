package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.ConsoleImports;
import dev.gbconnect.custodian.testsupport.ConsoleSignIn;
import dev.gbconnect.custodian.testsupport.ConsoleUploads;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.RawHttp;
import dev.gbconnect.custodian.testsupport.SelfSignedTls;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shipped uber-jar, started the way the README starts it: demo data on first start, a generated admin client
 * printed once, configuration from environment variables, and everything still there after a restart.
 */
@OwnServer
class UberJarIT {

    private static final SocketFactory PLAIN = SocketFactory.getDefault();

    @Test
    void uberJarWhenRestartedThenDataAndCredentialsSurvive() throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "uberjar-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dataDir);

        try (NotifyReceiver receiver = new NotifyReceiver(0, 204)) {
            UberJarServer first = UberJarServer.start(dataDir, UberJarServer.testJvm(), CONSOLE);
            Path imported = ConsoleImports.customers(dataDir, "restart-import", IMPORTED);
            String clientId, secret, uploaded, interrupted;
            JsonArray customersBefore, uploadedBefore, alice;
            try {
                assertTrue(
                        first.output().contains("custodian.public-url is not set"),
                        "a server without public URL or TLS, listening beyond loopback, warns at start");
                assertFalse(
                        first.output().contains("\u001b["), "no ANSI colour codes when the output is not a terminal");
                String inUse = StartFailureIT.causeLine(
                        UberJarServer.failToStart(dataDir, Map.of(), UberJarServer.freePort(), List.of()));
                assertTrue(
                        inUse.contains("Derby database " + dataDir.resolve("derby") + " is in use by another process")
                                && inUse.contains("custodian.data-dir"),
                        "a second instance on the same data directory: " + inUse);
                List<String> generated = first.generatedAdminClient()
                        .orElseThrow(() -> new AssertionError("the first start prints a generated admin client"));
                clientId = generated.get(0);
                secret = generated.get(1);
                Api admin = first.api(clientId, secret);

                customersBefore = admin.get("admin/customers").array();
                assertEquals(
                        List.of("alice", "bob", "carol"),
                        customersBefore.stream()
                                .map(c -> c.asJsonObject().getString("username"))
                                .toList());
                alice = admin.inventory(id(customersBefore, "alice"));
                assertEquals(1, alice.size());
                JsonObject history = totals(alice);
                // the demo's history: from the first of the month 25 months back to the end of yesterday (UTC)
                LocalDate today = LocalDate.now(ZoneOffset.UTC),
                        since = today.withDayOfMonth(1).minusMonths(25);
                assertEquals(
                        List.of(since.toEpochDay() * 86_400, today.toEpochDay() * 86_400),
                        List.of(
                                history.getJsonNumber("first").longValue(),
                                history.getJsonNumber("last").longValue()),
                        "data from " + since + " up to yesterday");
                assertEquals(
                        (today.toEpochDay() - since.toEpochDay()) * 96,
                        history.getInt("readings"),
                        "15-minute readings without a gap");
                JsonArray bob = admin.inventory(id(customersBefore, "bob"));
                assertEquals(
                        List.of(0, 1),
                        bob.stream()
                                .map(u -> u.asJsonObject().getInt("serviceKind"))
                                .sorted()
                                .toList(),
                        "electric and gas");
                ThirdParties.offline(
                        admin,
                        ThirdParties.notified(admin, "Told of each demo day", receiver.uri()),
                        id(customersBefore, "alice"),
                        ThirdParties.SCOPE,
                        null);

                uploaded = admin.newCustomer("restart-check");
                assertEquals(
                        201,
                        admin.upload(uploaded, Shared.sample("openespi/test_usage_data.xml"))
                                .status());
                uploadedBefore = admin.inventory(uploaded);
                interrupted = importKilledMidway(first, imported);
            } finally {
                first.stop();
            }
            assertTrue(Files.isDirectory(dataDir.resolve("derby")), "Derby lives below custodian.data-dir");

            UberJarServer second = UberJarServer.start(
                    dataDir,
                    UberJarServer.testJvm(),
                    Map.of(
                            "CUSTODIAN_ADMIN_CLIENT_ID",
                            "ops-admin",
                            "CUSTODIAN_ADMIN_CLIENT_SECRET",
                            "ops-secret-from-the-environment",
                            "CUSTODIAN_ACCESS_LOG",
                            "true",
                            // the demo's midnight 2 s after the start, looked for every half second (configuration.md)
                            "CUSTODIAN_DEMO_TEST_MIDNIGHT_AFTER",
                            "PT2S",
                            "CUSTODIAN_DEMO_CHECK_INTERVAL",
                            "PT0.5S",
                            "CUSTODIAN_CONSOLE_OPERATOR_USERNAME",
                            "ops",
                            "CUSTODIAN_CONSOLE_OPERATOR_PASSWORD",
                            "ops-console-password",
                            "CUSTODIAN_CONSOLE_IMPORT_SILENCE",
                            SILENCE));
            try {
                assertFalse(second.output().contains("client secret:"), "the generated secret is printed once only");
                importAgainAfterRestart(second, interrupted, imported);
                Api generatedAdmin = second.api(clientId, secret);
                assertEquals(
                        customersBefore.size() + 1 + IMPORTED,
                        generatedAdmin.get("admin/customers").array().size(),
                        "the demo customers, the one we added and the imported ones, each once; demo data is not"
                                + " seeded again");
                assertEquals(uploadedBefore, generatedAdmin.inventory(uploaded), "uploaded data survives the restart");
                crossesMidnight(generatedAdmin, id(customersBefore, "alice"), alice, receiver);
                Api configured = second.api("ops-admin", "ops-secret-from-the-environment");
                assertEquals(
                        200, configured.get("admin/customers").status(), "admin client from environment variables");
                accessLogNamesNoSecret(second, generatedAdmin, configured, secret);
                browserUploadOf100Megabytes(second, configured, dataDir);
            } finally {
                second.stop();
            }
        }
    }

    /**
     * The console's first operator, and a console CSV import that reads as interrupted after ten silent seconds: a
     * batch of 500 lines takes less even on a crowded machine, where three seconds read a slow batch as a stop.
     */
    private static final String SILENCE = "PT10S";

    private static final Map<String, String> CONSOLE = Map.of(
            "CUSTODIAN_CONSOLE_OPERATOR_USERNAME",
            "ops",
            "CUSTODIAN_CONSOLE_OPERATOR_PASSWORD",
            "ops-console-password",
            "CUSTODIAN_CONSOLE_IMPORT_SILENCE",
            SILENCE);

    /** Lines of the import stopped midway: 8 batches, so the server is killed well before its end. */
    private static final int IMPORTED = 4_000;

    /**
     * Issue 19: a console CSV import whose server dies midway. The server is killed (SIGKILL, as a crash or an
     * orchestrator after its grace period ends it) once the first batch is committed; answers the import's id.
     */
    private static String importKilledMidway(UberJarServer server, Path file) throws Exception {
        String session = ConsoleSignIn.session(ConsoleSignIn.post(server.base(), "ops", "ops-console-password"));
        Api.Reply started =
                ConsoleImports.post(server.base(), session, ConsoleSignIn.csrf(server.base(), session), file);
        assertEquals(303, started.status(), started.body());
        String page =
                server.base().relativize(URI.create(started.header("Location"))).toString();
        Pattern done = Pattern.compile("id=\"progress\" value=\"(\\d+)\"");
        Instant deadline = Instant.now().plusSeconds(60);
        int lines = 0;
        while (lines == 0 && Instant.now().isBefore(deadline)) {
            var m = done.matcher(
                    server.api(null, null).get(page, "Cookie", session).body());
            lines = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (lines == 0) Thread.sleep(50);
        }
        server.process().destroyForcibly().waitFor();
        assertTrue(lines > 0 && lines < IMPORTED, "killed midway, after " + lines + " lines");
        return page.substring(page.lastIndexOf('/') + 1);
    }

    /**
     * After the restart the import reads as interrupted (no batch counted for {@link #SILENCE}) with the lines done
     * before kept, and "Import again" with the same file finishes it: those lines read as already existing, the rest
     * are created, and the progress bar reaches the end (docs/console.md).
     */
    private static void importAgainAfterRestart(UberJarServer server, String importId, Path file) throws Exception {
        ChromeDriver browser = Browser.start(false, 1280, 900);
        try {
            ConsoleUploads.signIn(browser, server.base(), "ops", "ops-console-password");
            browser.get(server.base().resolve("console/imports/" + importId).toString());
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .ignoring(WebDriverException.class)
                    .until(d -> {
                        d.navigate().refresh();
                        return d.findElement(By.id("state")).getText().contains("interrupted");
                    });
            int before = Integer.parseInt(browser.findElement(By.id("created")).getText());
            assertTrue(before > 0 && before < IMPORTED, before + " customers created before the stop");
            assertEquals(
                    String.valueOf(before),
                    browser.findElement(By.id("progress")).getAttribute("value"));
            String csv = server.api(null, null)
                    .get(
                            "console/imports/" + importId + "/results.csv",
                            "Cookie",
                            "custodian_console="
                                    + browser.manage()
                                            .getCookieNamed("custodian_console")
                                            .getValue())
                    .body();
            assertEquals(before + 1, csv.split("\r\n").length, "every line done before the stop is listed");

            browser.findElement(By.id("file")).sendKeys(file.toString());
            Browser.submit(browser, browser.findElement(By.xpath("//button[normalize-space()='Import again']")));
            new WebDriverWait(browser, Duration.ofSeconds(120))
                    .ignoring(WebDriverException.class) // the page reloads itself every second
                    .until(d -> d.findElement(By.id("state")).getText().contains("done"));
            WebElement progress = browser.findElement(By.id("progress"));
            assertEquals(String.valueOf(IMPORTED), progress.getAttribute("max"));
            assertEquals(String.valueOf(IMPORTED), progress.getAttribute("value"));
            assertEquals(
                    String.valueOf(IMPORTED - before),
                    browser.findElement(By.id("created")).getText());
            assertEquals(
                    String.valueOf(before),
                    browser.findElement(By.id("existing")).getText());
            assertEquals("0", browser.findElement(By.id("invalid")).getText());
        } finally {
            browser.quit();
        }
    }

    /**
     * Issue 19's "Done when": a 100 MB Green Button file uploaded from Chromium through the console, on a server with
     * the default limit (4 GiB; the shared test server's is 3 MB). The file streams through the form into the
     * importer, and the progress bar moves on the way.
     */
    private static void browserUploadOf100Megabytes(UberJarServer server, Api admin, Path dir) throws Exception {
        String customer = admin.newCustomer("hundred-megabytes");
        Path file = ConsoleUploads.generated(dir, "hundred", 7000);
        long size = Files.size(file);
        assertTrue(size >= 100_000_000L, size + " bytes");
        ChromeDriver browser = Browser.start(true, 1280, 900);
        try {
            ConsoleUploads.signIn(browser, server.base(), "ops", "ops-console-password");
            List<Double> progress = ConsoleUploads.upload(browser, server.base(), "hundred-megabytes", file);
            assertEquals("stored", browser.findElement(By.id("result")).getText(), browser.getPageSource());
            assertTrue(
                    progress.size() > 1 && progress.get(progress.size() - 1) > progress.get(0),
                    "the progress bar moved: " + progress);
        } finally {
            browser.quit();
            Files.delete(file);
        }
        JsonObject entry = admin.get("admin/uploads?customer=" + customer)
                .json()
                .getJsonArray("uploads")
                .getJsonObject(0);
        assertEquals(size, entry.getJsonNumber("bytes").longValue());
        assertEquals(7000 * 96, entry.getJsonObject("readings").getInt("created"), entry.toString());
        assertEquals("local:ops", entry.getString("actor_subject"));
    }

    /**
     * A running server crossing the demo's midnight delivers the day that ended, exactly one (so the restart on the
     * same day appended nothing), and the third party authorized for it is told, as a utility's would be.
     */
    private static void crossesMidnight(Api admin, String customer, JsonArray before, NotifyReceiver receiver)
            throws Exception {
        JsonObject was = totals(before);
        long until = was.getJsonNumber("last").longValue() + 86_400;
        JsonObject now = was;
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                now.getJsonNumber("last").longValue() < until && System.nanoTime() < end; ) {
            Thread.sleep(250);
            now = totals(admin.inventory(customer));
        }
        assertEquals(
                List.of(was.getJsonNumber("first").longValue(), until, was.getInt("readings") + 96),
                List.of(
                        now.getJsonNumber("first").longValue(),
                        now.getJsonNumber("last").longValue(),
                        now.getInt("readings")),
                "one more day of 15-minute readings");
        String day = "published-min=" + Instant.ofEpochSecond(until - 86_400);
        // the first notice told of the authorization itself
        assertTrue(
                receiver.await(2, Duration.ofSeconds(30)).stream()
                        .anyMatch(n -> n.body().contains("Batch/Subscription/")
                                && n.body().contains(day)),
                "the third party is told of the new day: " + receiver.received());
    }

    private static JsonObject totals(JsonArray inventory) {
        return inventory
                .getJsonObject(0)
                .getJsonArray("meterReadings")
                .getJsonObject(0)
                .getJsonObject("totals");
    }

    @Test
    void uberJarWhenSslPortThenHttpsUrlsItsOwnNamesAndTheGbaHarnessSwitch() throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "tls-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dataDir);
        int sslPort = UberJarServer.freePort();
        UberJarServer server = UberJarServer.start(
                dataDir,
                UberJarServer.testJvm(),
                Map.of(
                        "CUSTODIAN_DEMO_DATA",
                        "false",
                        "CUSTODIAN_GBA_HARNESS",
                        "true",
                        "CUSTODIAN_ADMIN_CLIENT_ID",
                        "tls-admin",
                        "CUSTODIAN_ADMIN_CLIENT_SECRET",
                        "tls-admin-secret",
                        "CUSTODIAN_LOG_FORMAT",
                        "json"),
                List.of("--sslport", String.valueOf(sslPort)));
        try {
            URI https = URI.create("https://localhost:" + sslPort + "/");
            HttpResponse<String> metadata = SelfSignedTls.client("TLSv1.3")
                    .send(
                            HttpRequest.newBuilder(https.resolve(".well-known/oauth-authorization-server"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metadata.statusCode());
            assertTrue(metadata.body().contains("\"issuer\":\"https://localhost:" + sslPort + "\""), metadata.body());

            SocketFactory tlsSockets = SelfSignedTls.context().getSocketFactory();
            String misdirected = RawHttp.exchange(tlsSockets, sslPort, "GET", "/portal", "evil.example");
            assertEquals(421, RawHttp.status(misdirected), "a TLS deployment answers for its own names only");
            assertFalse(misdirected.contains("evil.example/"), misdirected);
            assertEquals(
                    421,
                    RawHttp.status(RawHttp.exchange(
                            SocketFactory.getDefault(), server.port(), "GET", "/portal", "evil.example")),
                    "and not on its plain port either");
            String local = RawHttp.exchange(tlsSockets, sslPort, "GET", "/portal", "localhost:" + sslPort);
            assertEquals(303, RawHttp.status(local), local);
            assertFalse(server.output().contains("custodian.public-url is not set"), "TLS: no warning");
            assertAll(server.output()
                    .lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> () -> assertTrue(
                            Json.createReader(new StringReader(line))
                                    .readObject()
                                    .containsKey("LogMessage"),
                            line)));

            Api anonymous = Api.withAuthorization(server.base(), null);
            Api.Reply queryToken = anonymous.postForm(
                    "oauth/token?grant_type=client_credentials&client_id=tls-admin&client_secret=tls-admin-secret",
                    null,
                    "");
            assertEquals(
                    200,
                    queryToken.status(),
                    "the GBA harness sends token parameters in the query: " + queryToken.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void uberJarWhenConfiguredForProductionThenNamesNoSoftwareRefusesStrangersAndRestartsOnItsRootdir()
            throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "production-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dataDir);
        String metricsToken = "metrics-" + UUID.randomUUID();
        Path brand = Files.createDirectories(dataDir.resolve("brand"));
        Files.writeString(brand.resolve("logo.svg"), BRAND_LOGO);
        Files.writeString(brand.resolve("brand.css"), BRAND_CSS);
        Map<String, String> env = Map.of(
                "CUSTODIAN_BRAND_DIR",
                brand.toString(),
                "CUSTODIAN_BRAND_COLOUR",
                "#6b1f5c",
                "CUSTODIAN_BRAND_SUPPORT",
                "1-800-555-0199",
                "CUSTODIAN_BRAND_PRIVACY_URL",
                "https://utility.example/privacy",
                "CUSTODIAN_DEMO_DATA",
                "false",
                "CUSTODIAN_PUBLIC_URL",
                "https://greenbutton.utility.example",
                "CUSTODIAN_METRICS_TOKEN",
                metricsToken,
                "CUSTODIAN_UTILITY_NAME",
                "Ohm & <Volt> Power",
                "CUSTODIAN_DOCS_URL",
                "https://developer.utility.example/green-button?a=1&b=2");
        // Operators keep Payara's runtime directory across restarts.
        List<String> rootdir = List.of("--rootdir", dataDir.resolve("payara").toString());

        UberJarServer server = UberJarServer.start(dataDir, UberJarServer.testJvm(), env, rootdir);
        try {
            // each item reported on its own; the restart last, as it stops the server
            assertAll(
                    () -> refusesOtherHosts(server),
                    () -> metricsNeedTheToken(server, metricsToken),
                    () -> metricsAsPrometheusExpects(server, metricsToken),
                    () -> describesItself(server),
                    () -> namesNoSoftware(server),
                    () -> landingPage(server),
                    () -> brandedPages(server),
                    () -> {
                        server.stop();
                        UberJarServer again = UberJarServer.start(dataDir, UberJarServer.testJvm(), env, rootdir);
                        try {
                            assertEquals(
                                    200,
                                    again.api(null, null)
                                            .get(".well-known/oauth-authorization-server")
                                            .status(),
                                    "the application is deployed again on the kept root directory");
                        } finally {
                            again.stop();
                        }
                    });
        } finally {
            server.stop();
        }
    }

    /**
     * The access log (custodian.access-log) has a line for each request, and none of the secrets, tokens and
     * passwords this server was sent: client secrets by Basic and in the query, bearer tokens, a demo password.
     */
    private static void accessLogNamesNoSecret(UberJarServer server, Api generated, Api configured, String secret)
            throws Exception {
        String demoPassword = "alice-demo-2025";
        assertEquals(200, configured.get("espi/1_1/resource/UsagePoint").status());
        Api anonymous = server.api(null, null);
        assertEquals(
                400,
                anonymous
                        .postForm("portal/sign-in", null, "username=alice&password=" + demoPassword + "&csrf=forged")
                        .status());
        assertEquals(
                400,
                anonymous
                        .postForm(
                                "oauth/token?client_secret=" + secret + "x",
                                null,
                                "grant_type=client_credentials&client_id=ops-admin")
                        .status());
        String log = server.output();
        assertTrue(
                Pattern.compile("(?m)GET /admin/customers 200 [0-9.]+ms [0-9]+B client=ops-admin$")
                        .matcher(log)
                        .find(),
                log);
        assertTrue(log.contains("GET /espi/1_1/resource/{form}UsagePoint 200 "), log);
        assertTrue(log.contains("POST /oauth/token 400 "), log);
        for (String hidden : List.of(
                secret,
                "ops-secret-from-the-environment",
                demoPassword,
                generated.authorization().substring(7),
                configured.authorization().substring(7))) {
            assertFalse(log.contains(hidden), "the log holds " + hidden);
        }
    }

    /**
     * {@code /metrics} as Prometheus reads it: {@code promtool check metrics} (Debian's prometheus package) finds
     * nothing to complain about, each series is there once, and the application's own series are there.
     */
    private static void metricsAsPrometheusExpects(UberJarServer server, String token) throws Exception {
        Api anonymous = server.api(null, null);
        assertEquals(
                401,
                anonymous
                        .postForm("oauth/token", Api.basic("nobody", "wrong"), "grant_type=client_credentials")
                        .status());
        Api.Reply scrape =
                Api.withAuthorization(server.base(), "Bearer " + token).get("metrics");
        assertEquals(200, scrape.status(), scrape.body());
        assertTrue(
                scrape.header("Content-Type").startsWith("text/plain; version=0.0.4"), scrape.header("Content-Type"));
        Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var in = promtool.getOutputStream()) {
            in.write(scrape.body().getBytes(StandardCharsets.UTF_8));
        }
        String verdict = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, promtool.waitFor(), verdict);
        assertEquals("", verdict.strip(), verdict);

        Set<String> series = new HashSet<>(), types = new HashSet<>();
        for (String line : scrape.body().lines().toList()) {
            if (line.startsWith("# TYPE ")) assertTrue(types.add(line.split(" ")[2]), "twice: " + line);
            if (!line.isEmpty() && !line.startsWith("#"))
                assertTrue(series.add(line.substring(0, line.lastIndexOf(' '))), "twice: " + line);
        }
        for (String expected : List.of(
                "custodian_http_request_duration_seconds_count{method=\"GET\",route=\"/portal\",status=\"3xx\"}",
                "custodian_http_request_duration_seconds_bucket{method=\"GET\",route=\"/health/*\",status=\"2xx\",le=\"0.005\"}",
                "custodian_token_grants_total{grant_type=\"client_credentials\",outcome=\"invalid_client\"}",
                "custodian_upload_readings_total",
                "custodian_upload_bytes_total",
                "custodian_feed_readings_total",
                "custodian_feed_bytes_total",
                "custodian_feed_admission_queue_length",
                "custodian_feed_admission_refused_total",
                "custodian_notifications{state=\"dead\"}",
                "custodian_db_pool_connections{state=\"in_use\"}",
                "custodian_db_pool_connections{state=\"idle\"}",
                "custodian_db_pool_waiting_threads",
                "custodian_db_pool_timeouts_total",
                "custodian_db_pool_acquire_seconds_bucket{le=\"0.005\"}",
                "jvm_memory_used_bytes{area=\"heap\"}")) {
            assertTrue(series.contains(expected), expected + " in\n" + scrape.body());
        }
        // Payara's pool, as CustodianApplication defines it, which has served the requests above
        assertTrue(scrape.body().contains("\ncustodian_db_pool_max_connections 16.0\n"), scrape.body());
        assertFalse(scrape.body().contains("\ncustodian_db_pool_acquire_seconds_count 0\n"), scrape.body());
    }

    /**
     * The API description at /openapi (YAML) and /openapi.json, the XML schemas it links to, and Swagger UI at
     * /api-docs with the pages' security headers, showing the operations in a real browser under that policy.
     */
    private static void describesItself(UberJarServer server) throws Exception {
        Api anonymous = server.api(null, null);
        Api.Reply yaml = anonymous.get("openapi");
        assertEquals(200, yaml.status());
        assertTrue(yaml.header("Content-Type").startsWith("application/yaml"), yaml.header("Content-Type"));
        assertTrue(yaml.body().startsWith("openapi: 3.1.0"), yaml.body());
        Api.Reply json = anonymous.get("openapi.json");
        assertEquals("3.1.0", json.json().getString("openapi"));
        assertTrue(json.json()
                .getJsonObject("paths")
                .containsKey("/espi/1_1/resource/Subscription/{subscriptionId}/UsagePoint"));
        assertEquals(
                json.body(),
                anonymous.get("openapi", "Accept", "application/json").body());
        assertEquals(200, anonymous.get("schemas/espi.xsd").status());
        assertEquals(404, anonymous.get("schemas/..%2Fpersistence.xml").status());
        // The console's pages are jte templates compiled at build time: they load from the uber-jar's classes.
        Api.Reply console = anonymous.get("console/sign-in");
        assertEquals(200, console.status(), console.body());
        assertTrue(console.body().contains("Sign in to the custodian console"), console.body());

        Api.Reply page = anonymous.get("api-docs");
        assertEquals(200, page.status());
        assertTrue(
                page.header("Content-Security-Policy").contains("default-src 'none'"),
                page.header("Content-Security-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        ChromeDriver browser = Browser.start(true, 1280, 900);
        try {
            browser.get(server.base().resolve("api-docs").toString());
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.cssSelector(".opblock")).size() > 50);
            assertTrue(browser.getPageSource().contains("/espi/1_1/resource/Batch/Bulk/{bulkId}"));
        } finally {
            browser.quit();
        }
    }

    private static void refusesOtherHosts(UberJarServer server) throws Exception {
        int port = server.port();
        String misdirected = RawHttp.exchange(PLAIN, port, "GET", "/portal", "evil.example");
        assertEquals(421, RawHttp.status(misdirected), misdirected);
        String own = RawHttp.exchange(PLAIN, port, "GET", "/portal", "greenbutton.utility.example");
        assertEquals(303, RawHttp.status(own), own);
        assertTrue(
                own.contains("\r\nLocation: /portal/sign-in\r\n"), "relative, so the browser stays on https: " + own);
        assertEquals(
                200,
                RawHttp.status(RawHttp.exchange(PLAIN, port, "GET", "/health/ready", "10.0.0.11:" + port)),
                "load balancers check each instance at its own address");
        assertFalse(server.output().contains("custodian.public-url is not set"), "a public URL: no warning");
    }

    private static void metricsNeedTheToken(UberJarServer server, String token) throws Exception {
        int port = server.port();
        assertEquals(401, RawHttp.status(RawHttp.exchange(PLAIN, port, "GET", "/metrics", "localhost")));
        assertEquals(
                401,
                RawHttp.status(RawHttp.exchange(
                        PLAIN, port, "GET", "/metrics", "localhost", "Authorization: Bearer " + token + "x")));
        String scrape = RawHttp.exchange(PLAIN, port, "GET", "/metrics", "localhost", "Authorization: Bearer " + token);
        assertEquals(200, RawHttp.status(scrape), scrape);
        assertTrue(scrape.contains("custodian_notifications"), scrape);
    }

    /** Whose server this is, escaped, and where to go, with the headers of every page. */
    private static void landingPage(UberJarServer server) throws Exception {
        String page = RawHttp.exchange(PLAIN, server.port(), "GET", "/", "greenbutton.utility.example");
        assertEquals(200, RawHttp.status(page), page);
        assertTrue(page.contains("<h1>Ohm &amp; &lt;Volt&gt; Power</h1>"), "the configured name, escaped: " + page);
        assertFalse(page.contains("<Volt>"), page);
        for (String link : List.of(
                "href=\"/portal\"",
                "href=\"/.well-known/oauth-authorization-server\"",
                "href=\"/openapi\"",
                "href=\"https://developer.utility.example/green-button?a=1&amp;b=2\"")) {
            assertTrue(page.contains(link), link + " in " + page);
        }
        for (String header : List.of(
                "Content-Type: text/html",
                "Content-Security-Policy: default-src 'none'",
                "X-Frame-Options: DENY",
                "X-Content-Type-Options: nosniff",
                "Referrer-Policy: no-referrer")) {
            assertTrue(page.contains("\r\n" + header), header + " in " + page);
        }
    }

    private static final String BRAND_LOGO =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\"><circle r=\"20\" cx=\"20\" cy=\"20\"/></svg>";
    private static final String BRAND_CSS = "header .utility{letter-spacing:.05em}";

    /** The overlay and the brand settings change name, logo, colours and footer, under a CSP as strict as before. */
    private static void brandedPages(UberJarServer server) throws Exception {
        String page = RawHttp.exchange(PLAIN, server.port(), "GET", "/portal/sign-in", "greenbutton.utility.example");
        assertEquals(200, RawHttp.status(page), page);
        for (String part : List.of(
                "<span class=\"utility\">Ohm &amp; &lt;Volt&gt; Power</span>",
                "<img src=\"/portal/logo\"",
                "button.primary{background:#6b1f5c}",
                BRAND_CSS,
                "1-800-555-0199",
                "href=\"https://utility.example/privacy\"")) {
            assertTrue(page.contains(part), part + " in " + page);
        }
        String sheet = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
        String hash = java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(sheet.getBytes(StandardCharsets.UTF_8)));
        assertTrue(page.contains("style-src 'sha256-"), page);
        assertTrue(page.contains(" 'sha256-" + hash + "';"), "the branded sheet's own hash: " + page);
        String logo = RawHttp.exchange(PLAIN, server.port(), "GET", "/portal/logo", "greenbutton.utility.example");
        assertTrue(logo.contains("\r\nContent-Type: image/svg+xml") && logo.contains(BRAND_LOGO), logo);
    }

    /** Neither headers, nor error pages, nor a WADL name the server software or its version. */
    private static void namesNoSoftware(UberJarServer server) throws Exception {
        for (String[] request : List.of(
                new String[] {"OPTIONS", "/espi/1_1/resource/ReadServiceStatus"},
                new String[] {"GET", "/application.wadl"},
                new String[] {"GET", "/openapi/application.wadl"},
                new String[] {"GET", "/openapi"},
                new String[] {"GET", "/.well-known/oauth-authorization-server"},
                new String[] {"GET", "/nothing-here"},
                new String[] {"GET", "/WEB-INF/web.xml"},
                new String[] {"DELETE", "/health/ready"},
                new String[] {"POST", "/openapi"},
                new String[] {"TRACE", "/"})) {
            String answer = RawHttp.exchange(PLAIN, server.port(), request[0], request[1], "localhost");
            String said = request[0] + " " + request[1] + " answered:\n" + answer;
            assertFalse(answer.contains("vnd.sun.wadl"), said);
            assertFalse(
                    Pattern.compile("(?im)^(server|x-powered-by):")
                            .matcher(answer)
                            .find(),
                    said);
            assertFalse(
                    Pattern.compile("(?i)payara|glassfish|grizzly|jersey")
                            .matcher(answer)
                            .find(),
                    said);
        }
    }

    private static String id(JsonArray customers, String username) {
        return customers.stream()
                .map(c -> c.asJsonObject())
                .filter(c -> c.getString("username").equals(username))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }
}
