package dev.gbconnect.custodian.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

/** What RFC 6749 §5.2 asks of every error of the token, revocation and introspection endpoints. */
public final class OAuthAnswers {

    private OAuthAnswers() {}

    /**
     * {@code {"error", "error_description"}} with this status and code, never cached, and the Basic challenge on
     * 401. {@code what} names the request in failure messages.
     */
    public static void assertError(Api.Reply r, int status, String error, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        assertTrue(
                String.valueOf(r.header("Content-Type")).startsWith("application/json"),
                what + ": " + r.header("Content-Type"));
        JsonObject body = r.json();
        assertEquals(error, body.getString("error"), what + ": " + r.body());
        assertFalse(body.getString("error_description").isBlank(), what);
        assertEquals("no-store", r.header("Cache-Control"), what);
        assertEquals("no-cache", r.header("Pragma"), what);
        if (status == 401) assertEquals("Basic realm=\"custodian\"", r.header("WWW-Authenticate"), what);
    }

    public static void assertError(Api.Reply r, int status, String error) {
        assertError(r, status, error, "");
    }
}
