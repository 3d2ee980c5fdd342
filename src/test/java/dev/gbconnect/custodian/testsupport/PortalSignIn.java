package dev.gbconnect.custodian.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The portal's sign-in over plain HTTP, as a second browser does it: fetch the form (its double-submit cookie), then
 * post it. For a session beside the one a test's Chromium holds, or sign-ins from a named browser.
 */
public final class PortalSignIn {

    public static final String SESSION_COOKIE = "custodian_portal", FORM_COOKIE = "custodian_portal_form";

    private PortalSignIn() {}

    /** The answer to a sign-in (303 and a session cookie, or 401); {@code headers} as name, value, name, value… */
    public static Api.Reply post(URI base, String username, String password, String... headers) {
        return signIn(base, "portal/sign-in", FORM_COOKIE, username, password, headers);
    }

    /** A double-submit sign-in form at {@code path} (the portal's, the console's) whose cookie is {@code formCookie}. */
    static Api.Reply signIn(
            URI base, String path, String formCookie, String username, String password, String... headers) {
        Api anonymous = Api.withAuthorization(base, null);
        String form = cookie(anonymous.get(path), formCookie);
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Cookie";
        all[headers.length + 1] = formCookie + "=" + form;
        return anonymous.postForm(
                path, null, "username=" + encode(username) + "&password=" + encode(password) + "&csrf=" + form, all);
    }

    /** The Cookie header of the session a sign-in opened. */
    public static String session(Api.Reply signedIn) {
        return SESSION_COOKIE + "=" + cookie(signedIn, SESSION_COOKIE);
    }

    static String cookie(Api.Reply r, String name) {
        return r.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie: " + r.status() + " " + r.body()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
