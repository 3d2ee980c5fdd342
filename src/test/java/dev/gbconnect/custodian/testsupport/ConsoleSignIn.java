package dev.gbconnect.custodian.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's local sign-in over plain HTTP, for a test that needs a member of staff's session without a browser,
 * and the session's form token that every form after sign-in carries (docs/console.md).
 */
public final class ConsoleSignIn {

    public static final String SESSION_COOKIE = "custodian_console", FORM_COOKIE = "custodian_console_form";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private ConsoleSignIn() {}

    /** The answer to a sign-in: 303 and a session cookie, 401, or 403 where local accounts are off. */
    public static Api.Reply post(URI base, String username, String password) {
        return PortalSignIn.signIn(base, "console/sign-in", FORM_COOKIE, username, password);
    }

    /** The Cookie header of the session a sign-in opened. */
    public static String session(Api.Reply signedIn) {
        return SESSION_COOKIE + "=" + PortalSignIn.cookie(signedIn, SESSION_COOKIE);
    }

    /** The session's form token, from the dashboard, which any signed-in member of staff may read. */
    public static String csrf(URI base, String session) {
        Matcher m = CSRF.matcher(Api.withAuthorization(base, null)
                .get("console", "Cookie", session)
                .body());
        assertTrue(m.find(), "a signed-in page has the form token");
        return m.group(1);
    }
}
