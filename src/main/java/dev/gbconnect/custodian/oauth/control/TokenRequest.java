package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.OAuthError;
import dev.gbconnect.custodian.platform.OAuthException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A token endpoint request as RFC 6749 reads it: every parameter at most once (§3.2), and the client authenticated
 * by exactly one method, HTTP Basic with form-url-encoded id and secret (Appendix B) or both in the body (§2.3.1).
 */
public final class TokenRequest {

    private final Map<String, List<String>> parameters;
    private final Client client;

    private TokenRequest(Map<String, List<String>> parameters, Client client) {
        this.parameters = parameters;
        this.client = client;
    }

    /**
     * Checks the request's syntax and authenticates its client: Basic is client_secret_basic, id and secret in
     * the body client_secret_post, an id alone a public client ({@code none}); the client's registered method
     * must be the one used.
     */
    public static TokenRequest authenticate(
            Map<String, List<String>> parameters, String authorization, Clients clients) {
        return read(parameters, authorization).authenticate(clients);
    }

    /** Checks the request's syntax and finds which client it names; {@link Presented#authenticate} comes next. */
    public static Presented read(Map<String, List<String>> parameters, String authorization) {
        parameters.forEach((name, values) -> {
            if (values.size() > 1) throw invalidRequest("parameter " + name + " appears more than once");
        });
        return new Presented(parameters, credentials(parameters, authorization));
    }

    /** A well-formed request, its client named but not yet authenticated. */
    public static final class Presented {
        private final Map<String, List<String>> parameters;
        private final Credentials credentials;

        private Presented(Map<String, List<String>> parameters, Credentials credentials) {
            this.parameters = parameters;
            this.credentials = credentials;
        }

        /** The id the client claims (RFC 6749 §2.3.1), before its secret is checked. */
        public String clientId() {
            return credentials.id();
        }

        public TokenRequest authenticate(Clients clients) {
            Client client = clients.authenticate(credentials.id(), credentials.secret(), credentials.method())
                    .orElseThrow(
                            () -> invalidClient(
                                    "unknown or inactive client, wrong secret, or not the client's registered authentication method (token_endpoint_auth_method)"));
            return new TokenRequest(parameters, client);
        }
    }

    /** What the client presented, by the one method it used: {@code secret} is null for a public client. */
    private record Credentials(String id, String secret, String method) {}

    private static Credentials credentials(Map<String, List<String>> parameters, String authorization) {
        String bodyId = single(parameters, "client_id"), bodySecret = single(parameters, "client_secret");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6))
                throw invalidClient("the token endpoint takes HTTP Basic client authentication");
            if (bodySecret != null)
                throw invalidRequest(
                        "authenticate the client with one method only: HTTP Basic or client_secret in the body, not both");
            String[] basic = basic(authorization.substring(6).trim());
            if (bodyId != null && !bodyId.equals(basic[0]))
                throw invalidRequest("client_id in the body differs from the one in the Authorization header");
            return new Credentials(basic[0], basic[1], Client.SECRET_BASIC);
        }
        if (bodyId != null && bodySecret != null) return new Credentials(bodyId, bodySecret, Client.SECRET_POST);
        if (bodyId != null) return new Credentials(bodyId, null, Client.PUBLIC);
        throw invalidClient("client authentication required: HTTP Basic, or client_id and client_secret in the body");
    }

    public Client client() {
        return client;
    }

    public String clientId() {
        return client.id();
    }

    /** The parameter, or {@code invalid_request} naming it. */
    public String required(String name) {
        String value = parameter(name);
        if (value == null) throw invalidRequest(name + " is required");
        return value;
    }

    /** The parameter's value, or null when absent or empty. */
    public String parameter(String name) {
        return single(parameters, name);
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null
                || values.isEmpty()
                || values.get(0) == null
                || values.get(0).isEmpty()) return null;
        return values.get(0);
    }

    private static String[] basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidClient("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) throw invalidClient("the Basic credentials must be client_id:client_secret");
        try {
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            throw invalidClient("the Basic credentials are not form-url-encoded (RFC 6749 Appendix B)");
        }
    }

    /**
     * OA-09: GBA's test harness sends some token requests as GET. None gets a token; the answer is the one the
     * harness expects, 401 when the client does not authenticate, 400 otherwise (not 405).
     */
    public static OAuthException refuseGet(
            Map<String, List<String>> parameters, String authorization, Clients clients) {
        authenticate(parameters, authorization, clients);
        return invalidRequest("this endpoint takes POST (RFC 6749 §3.2); a GET never gets a token");
    }

    public static OAuthException invalidGrant(String description) {
        return OAuthError.INVALID_GRANT.because(description);
    }

    public static OAuthException invalidScope(String description) {
        return OAuthError.INVALID_SCOPE.because(description);
    }

    public static OAuthException invalidRequest(String description) {
        return OAuthError.INVALID_REQUEST.because(description);
    }

    static OAuthException invalidClient(String description) {
        return OAuthError.INVALID_CLIENT.because(description);
    }
}
