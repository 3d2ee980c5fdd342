package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.customer.control.SignIns;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What the portal's resources share: where sign-in and home are, and the check of a signed-in form post (the
 * session's own form token, compared in constant time).
 */
final class PortalForms {

    /** The sign-in page's query parameter after a one-time reset link set a new password: the page says so. */
    static final String RESET = "reset";

    private PortalForms() {}

    /**
     * The session of a form post whose token matches; a signed-out or forged post is refused with a page titled by
     * the text {@code titleKey}.
     */
    static PortalSessions.Session signedIn(PortalSessions sessions, String token, String csrf, String titleKey) {
        PortalSessions.Session s =
                sessions.find(token).orElseThrow(() -> PageError.SIGNED_OUT.customer(titleKey, "error.signed-out"));
        postedBy(s, csrf, titleKey);
        return s;
    }

    /** Refuses a post that does not carry the session's own form token. */
    static void postedBy(PortalSessions.Session s, String csrf, String titleKey) {
        if (!same(csrf, s.csrf())) throw PageError.INVALID.customer(titleKey, "error.form-expired");
    }

    /**
     * The frame of a signed-in page, in the language of the switcher's cookie or else of the browser
     * ({@link CustomerFrame#negotiate}); {@code current} names the page for the navigation.
     */
    static CustomerFrame frame(
            UriInfo uri, HttpHeaders headers, RetailCustomer customer, PortalSessions.Session s, String current) {
        return new CustomerFrame(
                PublicUrl.path(uri, "portal"),
                CustomerFrame.language(headers),
                customer.name() == null ? customer.username() : customer.name(),
                s.csrf(),
                current);
    }

    /**
     * Where a sign-in came from, as the customer's account page shows it: the address the connection came from (a
     * proxy's, unless the server is told the client's) and the browser's own name for itself.
     */
    static SignIns.Attempt attempt(SignInRecord.Channel channel, HttpServletRequest request) {
        return new SignIns.Attempt(channel, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }

    /** Where a signed-out visit of a portal page goes. */
    static Response toSignIn(UriInfo uri) {
        return Response.seeOther(URI.create(signInPath(uri))).build();
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

    /** A page of the portal's, {@code relative} to /portal. */
    static URI at(UriInfo uri, String relative) {
        return URI.create(PublicUrl.path(uri, "portal/" + relative));
    }

    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
