package dev.gbconnect.custodian.testsupport;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** Registered third parties for tests, through the real registration endpoint. */
public final class ThirdParties {

    public static final String SCOPE =
            "FB=1_3_4_5_13_14_15_19_32_33_35_37_39;IntervalDuration=900;BlockDuration=monthly;HistoryLength=13";
    /** {@link #SCOPE} and the retail-customer track (FB_51, 53, 64, 65, 69): usage data and personal information. */
    public static final String PERSONAL_SCOPE =
            "FB=1_3_4_5_13_14_15_19_32_33_35_37_39_51_53_64_65_69;IntervalDuration=900;BlockDuration=monthly;HistoryLength=13";

    public static final String NOTIFY = "https://app.example.com/notify";
    public static final String SCOPE_SELECTION = "https://app.example.com/scope?from=dc";
    public static final String USER_PORTAL = "https://app.example.com/account";
    public static final String OTHER_SCOPE = "FB=1_3_4_5_13;IntervalDuration=3600;BlockDuration=daily;HistoryLength=3";

    private ThirdParties() {}

    /** A registered client: its id, its secret (null when public), and the registration answer. */
    public record Registered(String id, String secret, JsonObject body) {
        public String basic() {
            return Api.basic(id, secret);
        }
    }

    /** A confidential client (client_secret_basic) with one redirect URI and the two test scopes. */
    public static Registered confidential(Api admin, String redirectUri) {
        return register(
                admin,
                "{\"client_name\":\"Test Energy App\",\"redirect_uris\":[\"" + redirectUri + "\"],\"scopes\":[\""
                        + SCOPE + "\",\""
                        + OTHER_SCOPE + "\"],\"client_uri\":\"https://app.example.com\",\"third_party_notify_uri\":\""
                        + NOTIFY + "\","
                        + "\"third_party_scope_selection_uri\":\"" + SCOPE_SELECTION
                        + "\",\"third_party_user_portal_screen_uri\":\"" + USER_PORTAL + "\"}");
    }

    /** A confidential client with the test scope, notified at {@code notifyUri}. */
    public static Registered notified(Api admin, String name, String notifyUri) {
        return register(admin, registration(name, notifyUri));
    }

    /** The registration JSON of {@link #notified}, for changing it with PUT. */
    public static String registration(String name, String notifyUri) {
        return registration(name, notifyUri, SCOPE);
    }

    public static String registration(String name, String notifyUri, String scope) {
        return "{\"client_name\":\"" + name
                + "\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"third_party_notify_uri\":\"" + notifyUri
                + "\",\"scopes\":[\"" + scope + "\"]}";
    }

    /**
     * Registered and approved, as the utility's staff would after their review ({@code
     * custodian.registration.review-required} is on by default): ready for tokens and customer consent.
     */
    public static Registered register(Api admin, String json) {
        Registered r = inReview(admin, json);
        Api.Reply approved = admin.patchJson("oauth/register/" + r.id(), "{\"status\":\"ACTIVE\"}");
        if (approved.status() != 200)
            throw new IllegalStateException("approval refused: " + approved.status() + " " + approved.body());
        return r;
    }

    /** Registered only: the registration waits in Review (ESPI dataCustodianApplicationStatus 1). */
    public static Registered inReview(Api admin, String json) {
        Api.Reply r = admin.postJson("oauth/register", json);
        if (r.status() != 201) throw new IllegalStateException("registration refused: " + r.status() + " " + r.body());
        JsonObject body = r.json();
        return new Registered(
                body.getString("client_id"),
                body.containsKey("client_secret") ? body.getString("client_secret") : null,
                body);
    }

    /** The "until" day of offline authorizations made by {@link #offline}. */
    public static LocalDate offlineUntil() {
        return LocalDate.now().plusMonths(3);
    }

    /**
     * An offline authorization made by the data custodian's admin for this client and customer (usage points null:
     * all of them); the answer holds the client's refresh_token, resourceURI and authorizationURI.
     */
    public static JsonObject offline(
            Api admin, Registered client, String customer, String scope, List<String> usagePoints) {
        String points = usagePoints == null ? "" : ",\"usage_points\":[\"" + String.join("\",\"", usagePoints) + "\"]";
        Api.Reply r = admin.postJson(
                "admin/customers/" + customer + "/authorizations",
                "{\"client_id\":\"" + client.id() + "\",\"scope\":\"" + scope + "\",\"until\":\"" + offlineUntil()
                        + "\",\"reason\":\"granted by support in a test\"" + points + "}");
        if (r.status() != 201)
            throw new IllegalStateException("offline authorization refused: " + r.status() + " " + r.body());
        return r.json();
    }

    /** The same, and then the client's first token response from that refresh token. */
    public static JsonObject offlineToken(
            Api admin, Registered client, String customer, String scope, List<String> usagePoints) {
        Api.Reply r = refresh(
                admin.base(),
                client,
                offline(admin, client, customer, scope, usagePoints).getString("refresh_token"));
        if (r.status() != 200) throw new IllegalStateException("refresh refused: " + r.status() + " " + r.body());
        return r.json();
    }

    /** The refresh_token grant at the server at {@code base}, the client authenticating with Basic. */
    public static Api.Reply refresh(URI base, Registered client, String refreshToken) {
        return Api.withAuthorization(base, null)
                .token(client.basic(), "grant_type=refresh_token&refresh_token=" + ConsentFlow.enc(refreshToken));
    }

    /** The password grant at the server at {@code base}: a test customer's own token (password {@code pass-<username>}). */
    public static Api.Reply password(URI base, Registered client, String username) {
        return Api.withAuthorization(base, null)
                .token(
                        client.basic(),
                        "grant_type=password&username=" + ConsentFlow.enc(username) + "&password="
                                + ConsentFlow.enc("pass-" + username));
    }

    /** An authorization request's query for the code flow; with a verifier, its PKCE S256 challenge too. */
    public static String authorizeQuery(
            Registered client, String redirectUri, String scope, String state, String verifier) {
        return "response_type=code&client_id=" + ConsentFlow.enc(client.id()) + "&redirect_uri="
                + ConsentFlow.enc(redirectUri) + "&scope="
                + ConsentFlow.enc(scope) + "&state=" + ConsentFlow.enc(state)
                + (verifier == null ? "" : "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
    }

    /** RFC 7636 S256 of a verifier. */
    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
