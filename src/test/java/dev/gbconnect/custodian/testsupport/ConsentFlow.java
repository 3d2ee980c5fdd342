package dev.gbconnect.custodian.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser going through the authorization (or portal) pages over plain HTTP: it keeps its cookies and does not follow
 * redirects, so each step's answer can be checked. The real-browser tests use Chromium instead.
 */
public final class ConsentFlow {

    private static final Pattern HANDLE = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern USAGE_POINT = Pattern.compile("name=\"usage_point\" value=\"([^\"]+)\"");

    private final HttpClient http = Api.client()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;

    public ConsentFlow(URI base) {
        this.base = base;
    }

    public Api.Reply authorize(String query) {
        return send(
                HttpRequest.newBuilder(base.resolve("oauth/authorize?" + query)).GET());
    }

    public Api.Reply signIn(String handle, String username, String password) {
        return post("oauth/authorize/sign-in", Map.of("request", handle, "username", username, "password", password));
    }

    public Api.Reply get(String location) {
        return send(HttpRequest.newBuilder(base.resolve(location)).GET());
    }

    public Api.Reply decide(String handle, String decision, List<String> usagePoints, String until) {
        StringBuilder form =
                new StringBuilder("request=" + enc(handle) + "&decision=" + enc(decision) + "&until=" + enc(until));
        usagePoints.forEach(u -> form.append("&usage_point=").append(enc(u)));
        return send(HttpRequest.newBuilder(base.resolve("oauth/authorize/decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /**
     * Authorize, sign in and answer: {@code usagePoints} null means every one the page offers. Returns the
     * consent page's redirect answer.
     */
    public Api.Reply consent(
            String query, String username, String password, String decision, List<String> usagePoints, String until) {
        Api.Reply signInPage = authorize(query);
        if (signInPage.status() != 200)
            throw new IllegalStateException("no sign-in page: " + signInPage.status() + " " + signInPage.body());
        Api.Reply signedIn = signIn(handle(signInPage), username, password);
        if (signedIn.status() != 303)
            throw new IllegalStateException("sign-in failed: " + signedIn.status() + " " + signedIn.body());
        Api.Reply consentPage = get(signedIn.header("Location"));
        List<String> chosen = usagePoints != null ? usagePoints : all(USAGE_POINT, consentPage.body());
        return decide(handle(consentPage), decision, chosen, until);
    }

    /** A browser signed in to the portal as this test customer (password {@code pass-<username>}). */
    public static ConsentFlow portal(URI base, String username) {
        ConsentFlow browser = new ConsentFlow(base);
        Api.Reply signedIn = browser.post(
                "portal/sign-in",
                Map.of(
                        "username",
                        username,
                        "password",
                        "pass-" + username,
                        "csrf",
                        csrf(browser.get("portal/sign-in"))));
        if (signedIn.status() != 303 || browser.get("portal").status() != 200)
            throw new IllegalStateException("portal sign-in failed: " + signedIn.status() + " " + signedIn.body());
        return browser;
    }

    /** The anti-forgery token of a page's forms. */
    public static String csrf(Api.Reply page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) throw new IllegalStateException("no csrf field in " + page.body());
        return m.group(1);
    }

    public static String handle(Api.Reply page) {
        Matcher m = HANDLE.matcher(page.body());
        if (!m.find()) throw new IllegalStateException("no request handle in " + page.body());
        return m.group(1);
    }

    public static List<String> usagePointsOffered(Api.Reply page) {
        return all(USAGE_POINT, page.body());
    }

    /** The query parameters of a redirect's Location. */
    public static Map<String, String> query(Api.Reply redirect) {
        String location = redirect.header("Location");
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        if (query == null) return params;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static List<String> all(Pattern p, String body) {
        return p.matcher(body).results().map(r -> r.group(1)).toList();
    }

    /** A form post as the browser sends it, with its cookies. */
    public Api.Reply post(String path, Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) ->
                b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())));
    }

    private Api.Reply send(HttpRequest.Builder request) {
        return Api.send(http, request);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
