package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the console's resources share: its cookies, where sign-in is, and the checks before every action: signed in,
 * the session's own form token (compared in constant time), and a role that allows it.
 */
final class ConsoleForms {

    static final String SESSION_COOKIE = "custodian_console", FORM_COOKIE = "custodian_console_form";

    private ConsoleForms() {}

    /** The member of staff behind a form post, checked for the session's token and for {@code needed}. */
    static StaffSessions.Staff posted(
            StaffSessions sessions, String token, String csrf, Role.Permission needed, String title) {
        StaffSessions.Staff staff = sessions.find(token)
                .orElseThrow(() -> PageError.SIGNED_OUT.on(title, "You are signed out. Please sign in again."));
        if (!same(csrf, staff.csrf()))
            throw PageError.INVALID.on(title, "The page expired. Please go back, reload it and try again.");
        require(staff, needed, title);
        return staff;
    }

    /** Refuses with 403 what the staff member's roles do not allow; the server decides, whatever a page showed. */
    static void require(StaffSessions.Staff staff, Role.Permission needed, String title) {
        if (!staff.identity().may(needed))
            throw PageError.FORBIDDEN.on(title, "Your role does not allow this. Ask an operator if you need it.");
    }

    /** A page for anyone signed in who may read; the sign-in page for anyone else. */
    static Response reading(
            StaffSessions sessions,
            String token,
            UriInfo uri,
            String title,
            Function<StaffSessions.Staff, Response.ResponseBuilder> page) {
        Optional<StaffSessions.Staff> staff = sessions.find(token);
        if (staff.isEmpty()) return toSignIn(uri);
        require(staff.get(), Role.Permission.READ, title);
        return page.apply(staff.get()).build();
    }

    static Frame frame(UriInfo uri, StaffSessions.Staff staff) {
        return new Frame(PublicUrl.path(uri, "console"), staff);
    }

    /** The reason a form asked for: required, and at most what the audit log keeps. */
    static String reason(String reason, String title) {
        if (reason == null || reason.isBlank() || reason.length() > 512)
            throw PageError.INVALID.on(title, "Give a reason (at most 512 characters): it goes to the audit log.");
        return reason.strip();
    }

    static AuditLog.Actor actor(StaffSessions.Staff staff) {
        return new AuditLog.Actor(staff.identity().subject(), staff.identity().name());
    }

    static Response toSignIn(UriInfo uri) {
        return Response.seeOther(URI.create(signInPath(uri))).build();
    }

    static String signInPath(UriInfo uri) {
        return PublicUrl.path(uri, "console/sign-in");
    }

    static URI at(UriInfo uri, String relative) {
        return URI.create(PublicUrl.path(uri, "console" + relative));
    }

    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
