package dev.gbconnect.custodian.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.SelfSignedTls;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.TlsProbe;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GREEN-BUTTON-CMD.md A8 (SC-01 HTTPS for every endpoint, SC-02 TLS 1.3 only, SC-03 no NULL ciphers) and the https
 * URIs a third party is given (OA-01, AL-02, NT-02), against the uber-jar with {@code --sslport}: every answer over
 * TLS carries Strict-Transport-Security (RFC 6797 §7.1), none over plain HTTP (§7.2), and the plain port can send
 * clients to https instead of serving them. One server, set up as for production (plain port redirecting, the public
 * URL https), serves every case but the default one.
 */
@OwnServer
class HstsConformanceIT {

    private static final String HSTS = "Strict-Transport-Security";
    private static final String ADMIN = "tls-admin", SECRET = "tls-admin-secret";
    /** A page, a JSON answer, an ESPI 401, an OAuth error, an unknown path, Payara's health check. */
    private static final List<String> PATHS = List.of(
            "health/ready",
            "portal/sign-in",
            ".well-known/oauth-authorization-server",
            "espi/1_1/resource/ReadServiceStatus",
            "oauth/token",
            "no/such/path");

    private static int sslPort;
    private static UberJarServer production;

    @BeforeAll
    static void startProduction() throws Exception {
        sslPort = UberJarServer.freePort();
        production = start(
                sslPort,
                Map.of(
                        "CUSTODIAN_PLAIN_HTTP",
                        "redirect",
                        "CUSTODIAN_PUBLIC_URL",
                        https(sslPort).toString(),
                        "CUSTODIAN_HSTS_MAX_AGE",
                        "PT10M",
                        "CUSTODIAN_HSTS_INCLUDE_SUBDOMAINS",
                        "true",
                        "CUSTODIAN_ADMIN_CLIENT_ID",
                        ADMIN,
                        "CUSTODIAN_ADMIN_CLIENT_SECRET",
                        SECRET));
    }

    @AfterAll
    static void stopProduction() throws Exception {
        if (production != null) production.stop();
    }

    /** The data custodian's admin over TLS, as the production server only answers there. */
    private static Api admin() throws Exception {
        return new Api(https(sslPort), ADMIN, SECRET, SelfSignedTls.client("TLSv1.3"));
    }

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
        UberJarServer server = production;
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
                    Optional.of("max-age=600; includeSubDomains"), tls.headers().firstValue(HSTS), path);
        }
    }

    /** ESPI 4.0 profile: TLS 1.3 is spoken, TLS 1.2 refused in the handshake. */
    @Test
    void SC02_tls13IsAcceptedAndTls12Refused() throws Exception {
        HttpResponse<String> tls13 =
                get(SelfSignedTls.client("TLSv1.3"), https(sslPort).resolve("health/ready"));
        assertEquals(200, tls13.statusCode());
        assertEquals("TLSv1.3", tls13.sslSession().orElseThrow().getProtocol());
        assertThrows(
                SSLHandshakeException.class,
                () -> get(SelfSignedTls.client("TLSv1.2"), https(sslPort).resolve("health/ready")),
                "TLS 1.2 is refused");
    }

    /**
     * A ClientHello offering NULL (integrity-only) cipher suites gets no ServerHello, under TLS 1.2 (what {@code
     * openssl s_client -cipher NULL-SHA} offers, GBA TC005) and under TLS 1.3 (RFC 9150's suites), while the same
     * TLS 1.3 hello offering an AEAD suite does: the probe itself works. The JDK's own TLS client cannot be asked to
     * offer NULL suites, so the hello is written here (RFC 8446 §4.1.2).
     */
    @Test
    void SC03_nullCipherSuitesAreRefused() throws Exception {
        int tls12NullSha = 0x0002, tls12NullSha256 = 0x003B, ecdheNullSha = 0xC010, sha256Sha256 = 0xC0B4;
        int aes128Gcm = 0x1301;
        assertFalse(TlsProbe.serverHello(sslPort, false, tls12NullSha, tls12NullSha256, ecdheNullSha));
        assertFalse(TlsProbe.serverHello(sslPort, true, sha256Sha256, 0xC0B5));
        assertTrue(TlsProbe.serverHello(sslPort, true, aes128Gcm), "the probe gets a ServerHello for an AEAD suite");
    }

    @Test
    void OA01_authorizationTokenAndRegistrationEndpointsArePublishedInApplicationInformationAsHttps() throws Exception {
        Atom entry = applicationInformation();
        for (String endpoint : List.of(
                "authorizationServerAuthorizationEndpoint",
                "authorizationServerTokenEndpoint",
                "authorizationServerRegistrationEndpoint")) {
            String uri = entry.text("//espi:ApplicationInformation/espi:" + endpoint);
            assertTrue(uri.startsWith(https(sslPort).toString()), endpoint + " " + uri);
            assertNotEquals(
                    301, get(SelfSignedTls.client("TLSv1.3"), URI.create(uri)).statusCode(), uri);
        }
    }

    @Test
    void AL02_everyUriInApplicationInformationIsHttps() throws Exception {
        Atom entry = applicationInformation();
        List<String> uris = entry.texts("//espi:ApplicationInformation//*[not(*)][contains(., '://')]");
        assertTrue(uris.size() >= 10, "the endpoints, the third party's URIs and the registration's: " + uris);
        for (String uri : uris) assertTrue(uri.startsWith("https://"), uri);
        for (String link : entry.texts("//atom:link/@href")) assertTrue(link.startsWith("https://"), link);
    }

    @Test
    void NT02_everyNotifiedUriIsAbsoluteHttps() throws Exception {
        Api admin = admin();
        try (NotifyReceiver receiver = new NotifyReceiver(0, 200)) {
            ThirdParties.Registered app = ThirdParties.notified(admin, "NT02 app", receiver.uri());
            String customer =
                    admin.newCustomer("nt02-" + UUID.randomUUID().toString().substring(0, 8));
            assertEquals(
                    201,
                    admin.upload(customer, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                            .status());
            ThirdParties.offline(admin, app, customer, ThirdParties.SCOPE, null);
            for (String kind : List.of("data", "authorization", "application")) {
                Api.Reply r = admin.postJson(
                        "admin/notifications", "{\"kind\":\"" + kind + "\",\"client_id\":\"" + app.id() + "\"}");
                assertEquals(202, r.status(), r.body());
            }
            List<NotifyReceiver.Received> got = receiver.await(4, Duration.ofSeconds(30));
            assertEquals(4, got.size(), "the Authorization created, then the three asked for");
            for (NotifyReceiver.Received notice : got) {
                for (String uri : Atom.valid(notice.body()).texts("/espi:BatchList/espi:resources")) {
                    assertTrue(uri.startsWith(https(sslPort) + "espi/1_1/resource/"), uri);
                }
            }
        }
    }

    /** A third party's ApplicationInformation as the data custodian reads it, over TLS. */
    private static Atom applicationInformation() throws Exception {
        Api admin = admin();
        ThirdParties.Registered app = ThirdParties.confidential(admin, "https://app.example.com/cb");
        Api.Reply r = admin.get("espi/1_1/resource/ApplicationInformation/" + app.id());
        assertEquals(200, r.status(), r.body());
        return Atom.valid(r.body());
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
