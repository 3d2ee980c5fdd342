package dev.gbconnect.custodian.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.SelfSignedTls;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GREEN-BUTTON-CMD.md SC-01 (HTTPS for every endpoint), against the uber-jar with {@code --sslport}: every answer
 * over TLS carries Strict-Transport-Security (RFC 6797 §7.1), none over plain HTTP (§7.2), and the plain port can
 * send clients to https instead of serving them.
 */
@OwnServer
class HstsConformanceIT {

    private static final String HSTS = "Strict-Transport-Security";
    /** A page, a JSON answer, an ESPI 401, an OAuth error, an unknown path, Payara's health check. */
    private static final List<String> PATHS = List.of(
            "health/ready",
            "portal/sign-in",
            ".well-known/oauth-authorization-server",
            "espi/1_1/resource/ReadServiceStatus",
            "oauth/token",
            "no/such/path");

    @Test
    void SC01_byDefaultEveryAnswerOverTlsCarriesAYearOfHstsAndPlainAnswersNone() throws Exception {
        int sslPort = UberJarServer.freePort();
        UberJarServer server = start(sslPort, Map.of());
        try {
            for (String path : PATHS) {
                HttpResponse<String> tls =
                        get(SelfSignedTls.client("TLSv1.3"), https(sslPort).resolve(path));
                assertEquals(Optional.of("max-age=31536000"), tls.headers().firstValue(HSTS), path);
                HttpResponse<String> plain =
                        get(Api.client().build(), server.base().resolve(path));
                assertTrue(plain.statusCode() / 100 != 3, path + ": plain HTTP is served by default");
                assertEquals(Optional.empty(), plain.headers().firstValue(HSTS), path + " over plain HTTP");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void SC01_whenPlainHttpRedirectsThenEveryRequestGoesToThePublicHttpsUrlPermanently() throws Exception {
        int sslPort = UberJarServer.freePort();
        UberJarServer server = start(
                sslPort,
                Map.of(
                        "CUSTODIAN_PLAIN_HTTP", "redirect",
                        "CUSTODIAN_PUBLIC_URL", https(sslPort).toString(),
                        "CUSTODIAN_HSTS_MAX_AGE", "PT10M",
                        "CUSTODIAN_HSTS_INCLUDE_SUBDOMAINS", "true"));
        try {
            HttpClient plain = Api.client().build();
            HttpResponse<String> page = get(plain, server.base().resolve("oauth/authorize?client_id=x&scope=FB%3D4"));
            assertEquals(301, page.statusCode());
            assertEquals(
                    Optional.of(https(sslPort) + "oauth/authorize?client_id=x&scope=FB%3D4"),
                    page.headers().firstValue("Location"));
            assertEquals(Optional.empty(), page.headers().firstValue(HSTS), "RFC 6797 §7.2: none over plain HTTP");

            HttpResponse<String> token = plain.send(
                    HttpRequest.newBuilder(server.base().resolve("oauth/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(308, token.statusCode(), "a POST stays a POST with its body");
            assertEquals(
                    Optional.of(https(sslPort) + "oauth/token"), token.headers().firstValue("Location"));
            assertEquals(Optional.empty(), token.headers().firstValue(HSTS));
            assertEquals(
                    200,
                    get(plain, server.base().resolve("health/ready")).statusCode(),
                    "load balancers still probe over plain HTTP");

            for (String path : PATHS) {
                HttpResponse<String> tls =
                        get(SelfSignedTls.client("TLSv1.3"), https(sslPort).resolve(path));
                assertTrue(tls.statusCode() != 301 && tls.statusCode() != 308, path + " is served over TLS");
                assertEquals(
                        Optional.of("max-age=600; includeSubDomains"),
                        tls.headers().firstValue(HSTS),
                        path);
            }
        } finally {
            server.stop();
        }
    }

    private static UberJarServer start(int sslPort, Map<String, String> settings) throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "hsts-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dataDir);
        Map<String, String> env = new HashMap<>(settings);
        env.put("CUSTODIAN_DEMO_DATA", "false");
        return UberJarServer.start(
                dataDir, UberJarServer.testJvm(), env, List.of("--sslport", String.valueOf(sslPort)));
    }

    private static URI https(int sslPort) {
        return URI.create("https://localhost:" + sslPort + "/");
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
