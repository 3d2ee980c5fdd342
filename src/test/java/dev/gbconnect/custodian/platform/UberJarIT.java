package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.RawHttp;
import dev.gbconnect.custodian.testsupport.SelfSignedTls;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

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

        UberJarServer first = UberJarServer.start(dataDir, UberJarServer.testJvm(), Map.of());
        String clientId, secret, uploaded;
        JsonArray customersBefore, uploadedBefore, alice;
        try {
            assertTrue(
                    first.output().contains("custodian.public-url is not set"),
                    "a server without public URL or TLS, listening beyond loopback, warns at start");
            assertFalse(first.output().contains("\u001b["), "no ANSI colour codes when the output is not a terminal");
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
            JsonObject history = alice.getJsonObject(0)
                    .getJsonArray("meterReadings")
                    .getJsonObject(0)
                    .getJsonObject("totals");
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

            uploaded = admin.newCustomer("restart-check");
            assertEquals(
                    201,
                    admin.upload(uploaded, Shared.sample("openespi/test_usage_data.xml"))
                            .status());
            uploadedBefore = admin.inventory(uploaded);
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
                        "ops-secret-from-the-environment"));
        try {
            assertFalse(second.output().contains("client secret:"), "the generated secret is printed once only");
            Api generatedAdmin = second.api(clientId, secret);
            assertEquals(
                    customersBefore.size() + 1,
                    generatedAdmin.get("admin/customers").array().size(),
                    "the demo customers and the one we added; demo data is not seeded again");
            assertEquals(uploadedBefore, generatedAdmin.inventory(uploaded), "uploaded data survives the restart");
            assertEquals(
                    alice,
                    generatedAdmin.inventory(id(customersBefore, "alice")),
                    "a restart on the same day finds the demo current and appends nothing");
            Api configured = second.api("ops-admin", "ops-secret-from-the-environment");
            assertEquals(200, configured.get("admin/customers").status(), "admin client from environment variables");
        } finally {
            second.stop();
        }
    }

    @Test
    void uberJarWhenSslPortThenTls13OnlyHttpsUrlsAndTheGbaHarnessSwitch() throws Exception {
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
            assertThrows(
                    SSLHandshakeException.class,
                    () -> SelfSignedTls.client("TLSv1.2")
                            .send(
                                    HttpRequest.newBuilder(https.resolve("health/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()),
                    "TLS 1.2 is refused by default");

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
            assertEquals(
                    403,
                    Api.withAuthorization(server.base(), "")
                            .get("espi/1_1/resource/ReadServiceStatus")
                            .status(),
                    "the GBA harness expects 403 for a blank Authorization header");
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
        Map<String, String> env = Map.of(
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
                    () -> namesNoSoftware(server),
                    () -> landingPage(server),
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
        String scrape = RawHttp.exchange(
                PLAIN, port, "GET", "/metrics?scope=application", "localhost", "Authorization: Bearer " + token);
        assertEquals(200, RawHttp.status(scrape), scrape);
        assertTrue(scrape.contains("notifications_dead"), scrape);
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
