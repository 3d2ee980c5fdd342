package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What the portal's resources share: where sign-in and home are, and the check of a signed-in form post (the
 * session's own form token, compared in constant time).
 */
final class PortalForms {

    private PortalForms() {}

    /** The session of a form post whose token matches; a signed-out or forged post is refused with a page. */
    static PortalSessions.Session signedIn(PortalSessions sessions, String token, String csrf, String title) {
        PortalSessions.Session s = sessions.find(token)
                .orElseThrow(() -> PageError.SIGNED_OUT.on(title, "You are signed out. Please sign in again."));
        postedBy(s, csrf, title);
        return s;
    }

    /** Refuses a post that does not carry the session's own form token. */
    static void postedBy(PortalSessions.Session s, String csrf, String title) {
        if (!same(csrf, s.csrf()))
            throw PageError.INVALID.on(title, "The page expired. Please go back, reload it and try again.");
    }

    /** The sign-in form's double-submit token: the browser's own while it is well-formed, else a new one. */
    static String formToken(String cookie) {
        return cookie != null && cookie.length() == 43 ? cookie : PasswordHash.newSecret();
    }

    static String signInPath(UriInfo uri) {
        return PublicUrl.path(uri, "portal/sign-in");
    }

    static URI home(UriInfo uri) {
        return URI.create(PublicUrl.path(uri, "portal"));
    }

    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
