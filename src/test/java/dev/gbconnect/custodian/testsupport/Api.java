package dev.gbconnect.custodian.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP client for the tests: JSON bodies, uploads, and admin calls with a client_credentials bearer token
 * fetched on first use.
 */
public final class Api {

    public static final String IT_ADMIN = "it-admin";
    public static final String IT_SECRET = "it-admin-secret-for-tests-only";
    public static final String UPLOAD = "espi/1_1/resource/Batch/RetailCustomer/%s/UsagePoint";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /**
     * A client builder that speaks HTTP/1.1 only. The JDK client's default asks a plain-HTTP server to upgrade to h2c;
     * Grizzly takes the upgrade on some streamed answers and the client then fails on a frame that is really the
     * body ("Frame type(48) exceeds MAX_FRAME_SIZE"), a flaky failure that has nothing to do with the server under test.
     */
    public static HttpClient.Builder client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    }

    private final HttpClient http;
    private final URI base;
    private final String clientId, secret;
    private String authorization;

    public Api(URI base, String clientId, String secret) {
        this(
                base,
                clientId,
                secret,
                client().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** The same through this client: one that trusts the uber-jar's self-signed certificate, say. */
    public Api(URI base, String clientId, String secret, HttpClient http) {
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
        this.http = http;
    }

    /**
     * Forgets every cached admin token. A server started on an address an earlier one used (a {@link PrivateServer}:
     * ports are reused) knows none of the earlier server's tokens: PasswordGrantIT once got ThirdPartyFlowIT's token
     * for the same port, and 401.
     */
    public static void forgetTokens() {
        TOKENS.clear();
    }

    /** Calls made with exactly this Authorization header (null: none). */
    public static Api withAuthorization(URI base, String authorization) {
        Api api = new Api(base, null, null);
        api.authorization = authorization;
        return api;
    }

    /** A raw token request: form-encoded body, the given Authorization header (or none). */
    public Reply token(String authorization, String form) {
        return postForm("oauth/token", authorization, form);
    }

    /** A form-encoded POST with the given Authorization header (or none), as the OAuth endpoints take it. */
    public Reply postForm(String path, String authorization, String form, String... headers) {
        HttpRequest.Builder b = headers(
                        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1)), headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return send(authorization == null ? b : b.header("Authorization", authorization));
    }

    /**
     * A request exactly as given, for refusals of malformed ones: the method, the Authorization and Content-Type
     * headers (null: none), and the body (null: none), sent without a Content-Length (chunked) when asked.
     */
    public Reply raw(
            String method, String path, String authorization, String contentType, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(1))
                .method(method, publisher);
        if (authorization != null) b.header("Authorization", authorization);
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    /**
     * The Authorization header admin calls carry: a bearer token with both admin scopes, fetched once per server
     * and client and shared by every Api for them (each Api keeps its own connections).
     */
    public synchronized String authorization() {
        if (authorization == null && clientId != null) {
            authorization = TOKENS.computeIfAbsent(base + " " + clientId + " " + secret, k -> {
                Reply r = token(
                        basic(clientId, secret),
                        "grant_type=client_credentials&scope=DataCustodian_Admin_Access%20Upload_Admin_Access");
                if (r.status() != 200)
                    throw new IllegalStateException("no admin token: " + r.status() + " " + r.body());
                return "Bearer " + r.json().getString("access_token");
            });
        }
        return authorization;
    }

    public static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public URI base() {
        return base;
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** A GET with extra headers, given as name, value, name, value… */
    public Reply get(String path, String... headers) {
        return send(headers(request(path), headers).GET());
    }

    /** A GET whose body is kept as bytes (a compressed answer, say). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return http.send(headers(request(path), headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of these bytes with extra headers (name, value, …): a browser's form with a file, say. */
    public Reply post(String path, String contentType, byte[] body, String... headers) {
        return send(headers(request(path), headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patchJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** An upload with this Content-Type (null: none). */
    public Reply upload(String customerId, String contentType, byte[] body) {
        HttpRequest.Builder b =
                request(UPLOAD.formatted(customerId)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(contentType == null ? b : b.header("Content-Type", contentType));
    }

    public Reply upload(String customerId, Path file) {
        try {
            return upload(customerId, "application/atom+xml", Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upload without Content-Length (chunked), as a streaming client sends it. */
    public Reply uploadChunked(String customerId, byte[] body) {
        return uploadChunked(customerId, () -> new ByteArrayInputStream(body));
    }

    /** A chunked upload read from {@code body} as it is sent: a body of gigabytes costs the test no memory. */
    public Reply uploadChunked(String customerId, java.util.function.Supplier<java.io.InputStream> body) {
        return send(request(UPLOAD.formatted(customerId))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    /** Creates a customer and answers its id. */
    public String newCustomer(String username) {
        Reply r = postJson(
                "admin/customers",
                "{\"username\":\"" + username + "\",\"password\":\"pass-" + username + "\",\"name\":\"Test " + username
                        + "\"}");
        if (r.status() != 201)
            throw new IllegalStateException("could not create " + username + ": " + r.status() + " " + r.body());
        return r.json().getString("id");
    }

    public JsonArray inventory(String customerId) {
        Reply r = get("admin/customers/" + customerId + "/usage-points");
        if (r.status() != 200) throw new IllegalStateException(r.status() + " " + r.body());
        return r.array();
    }

    /** The JDK refuses an empty header list, so none means no call. */
    private static HttpRequest.Builder headers(HttpRequest.Builder b, String... headers) {
        return headers.length == 0 ? b : b.headers(headers);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5));
        String header = authorization();
        return header == null ? b : b.header("Authorization", header);
    }

    private Reply send(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** Sends with the given client, so a test with its own (cookies, redirects) gets the same replies. */
    static Reply send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
