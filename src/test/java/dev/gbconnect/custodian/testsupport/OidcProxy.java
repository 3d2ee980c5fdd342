package dev.gbconnect.custodian.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of an OpenID Connect provider (Keycloak started with its hostname set to this proxy's
 * address, so its issuer, discovery document and every URL it gives out name the proxy). It passes everything
 * through, but serves the provider's JWKS with one more key of its own, and, in the {@link Mode} a test sets, rewrites
 * the ID token of the token endpoint's answer: the custodian then checks a forged, expired or foreign token coming
 * from the provider it trusts, through its real callback.
 */
public final class OidcProxy implements AutoCloseable {

    /** What becomes of the ID token of a successful token answer. */
    public enum Mode {
        /** Unchanged: the proxy is transparent. */
        PASS,
        /** Forged: another name in the payload, the provider's signature kept. */
        PAYLOAD_CHANGED,
        /** Forged: signed by a key the JWKS does not list, under the provider's key id. */
        UNLISTED_KEY,
        /** Re-signed with the proxy's listed key, claims unchanged: valid. */
        RESIGNED,
        /** Re-signed with the listed key, expired ten minutes ago (beyond any clock skew allowed). */
        EXPIRED,
        /** Re-signed with the listed key, from another issuer. */
        OTHER_ISSUER,
        /** Re-signed with the listed key, for another client. */
        OTHER_AUDIENCE
    }

    /** Hop-by-hop headers, and those the JDK's client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final RSAKey listed, unlisted;
    private volatile URI target;
    private volatile Mode mode = Mode.PASS;

    private OidcProxy(HttpServer server) throws JOSEException {
        this.server = server;
        listed = new RSAKeyGenerator(2048).keyID("oidc-proxy-listed").generate();
        unlisted = new RSAKeyGenerator(2048).generate();
    }

    /** Listens on 127.0.0.1 at {@code port}; forwards once {@link #forwardTo} has named the provider. */
    public static OidcProxy start(int port) throws IOException, JOSEException {
        OidcProxy proxy = new OidcProxy(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16));
        proxy.server.createContext("/", proxy::handle);
        proxy.server.setExecutor(proxy.threads);
        proxy.server.start();
        return proxy;
    }

    /** The address the provider is started with as its hostname. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void forwardTo(URI provider) {
        target = provider;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder forward = HttpRequest.newBuilder(
                            target.resolve(path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            exchange.getRequestMethod(),
                            body(exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)))
                    values.forEach(v -> forward.header(name, v));
            });
            HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = answer.body();
            if (answer.statusCode() == 200 && path.endsWith("/protocol/openid-connect/certs"))
                body = withListedKey(body);
            if (answer.statusCode() == 200 && path.endsWith("/protocol/openid-connect/token")) body = rewritten(body);
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":"))
                    exchange.getResponseHeaders().put(name, values);
            });
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException | RuntimeException | InterruptedException | ParseException | JOSEException failed) {
            // The provider's answer did not arrive or did not parse: the custodian sees a broken provider.
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    private static HttpRequest.BodyPublisher body(byte[] bytes) {
        return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    private byte[] withListedKey(byte[] jwks) throws ParseException {
        List<JWK> keys = new ArrayList<>(
                JWKSet.parse(new String(jwks, StandardCharsets.UTF_8)).getKeys());
        keys.add(listed.toPublicJWK());
        return new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] rewritten(byte[] tokens) throws ParseException, JOSEException {
        Mode now = mode;
        if (now == Mode.PASS) return tokens;
        JsonObject answer;
        try (var reader = Json.createReader(new StringReader(new String(tokens, StandardCharsets.UTF_8)))) {
            answer = reader.readObject();
        }
        SignedJWT idToken = SignedJWT.parse(answer.getString("id_token"));
        return Json.createObjectBuilder(answer)
                .add("id_token", idToken(now, idToken))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private String idToken(Mode now, SignedJWT original) throws ParseException, JOSEException {
        JWTClaimsSet claims = original.getJWTClaimsSet();
        JWTClaimsSet.Builder changed = new JWTClaimsSet.Builder(claims);
        switch (now) {
            case PAYLOAD_CHANGED -> {
                Base64URL payload = Base64URL.encode(
                        changed.claim("name", "Mallory Impostor").build().toString());
                return original.getHeader().toBase64URL() + "." + payload + "." + original.getSignature();
            }
            case UNLISTED_KEY -> {
                return signed(claims, unlisted, original.getHeader().getKeyID());
            }
            case EXPIRED ->
                changed.issueTime(Date.from(Instant.now().minusSeconds(1200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600)));
            case OTHER_ISSUER -> changed.issuer(claims.getIssuer().replaceFirst("/realms/[^/]+$", "/realms/other"));
            case OTHER_AUDIENCE -> changed.audience("another-client");
            default -> {
                // RESIGNED: the claims as they are
            }
        }
        return signed(changed.build(), listed, listed.getKeyID());
    }

    private static String signed(JWTClaimsSet claims, RSAKey key, String keyId) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
