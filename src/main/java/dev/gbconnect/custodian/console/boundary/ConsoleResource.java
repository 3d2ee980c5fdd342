package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.control.Dashboard;
import dev.gbconnect.custodian.console.control.OidcProvider;
import dev.gbconnect.custodian.console.control.StaffAccounts;
import dev.gbconnect.custodian.console.control.StaffIdentity;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.platform.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's door and first page: sign in with a local staff account or through the identity provider
 * ({@link ConsoleOidcResource}), whichever are on, the dashboard, sign out. The sign-in form
 * is a double submit (a cookie and a field that must agree), as the portal's; forms after it carry the session's own
 * token. Signing in always makes a new session token, so no token set before sign-in is ever trusted (OWASP session
 * fixation).
 */
@Path("console")
@RequestScoped
public class ConsoleResource {

    private static final String WRONG =
            "The username or password is not right, or the account is locked for a while after too many tries.";

    @Inject
    StaffAccounts accounts;

    @Inject
    StaffSessions sessions;

    @Inject
    Dashboard dashboard;

    @Inject
    AuditLog audit;

    @Inject
    OidcProvider provider;

    /** Off where every member of staff signs in through the identity provider. */
    @Inject
    @ConfigProperty(name = "custodian.console.local-sign-in", defaultValue = "true")
    boolean local;

    @Context
    UriInfo uri;

    @GET
    @Path("sign-in")
    public Response signInPage(@CookieParam(ConsoleForms.FORM_COOKIE) String form) {
        String csrf = formToken(form);
        return signIn(Response.Status.OK, csrf, null)
                .cookie(PublicUrl.cookie(uri, ConsoleForms.FORM_COOKIE, csrf, "console"))
                .build();
    }

    @POST
    @Path("sign-in")
    @Transactional
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.FORM_COOKIE) String form) {
        // The sign-in page itself, so the refusal shows the way that is open: the identity provider's link.
        if (!local)
            return signIn(
                            Response.Status.FORBIDDEN,
                            formToken(form),
                            "Local accounts are turned off here: sign in through your organisation's account.")
                    .build();
        if (!ConsoleForms.same(csrf, form)) {
            String token = formToken(form);
            return signIn(Response.Status.BAD_REQUEST, token, "The sign-in form expired. Please try again.")
                    .cookie(PublicUrl.cookie(uri, ConsoleForms.FORM_COOKIE, token, "console"))
                    .build();
        }
        Optional<StaffIdentity> who = accounts.authenticate(username, password);
        if (who.isEmpty())
            return signIn(Response.Status.UNAUTHORIZED, form, WRONG).build();
        StaffSessions.Started started = sessions.start(who.get());
        audit.record(ConsoleForms.actor(started.staff()), "staff.sign-in", null, null);
        return Response.seeOther(ConsoleForms.at(uri, ""))
                .cookie(
                        PublicUrl.cookie(uri, ConsoleForms.SESSION_COOKIE, started.token(), "console"),
                        PublicUrl.cookie(uri, ConsoleForms.FORM_COOKIE, null, "console"))
                .build();
    }

    @GET
    public Response home(@CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        return ConsoleForms.reading(
                sessions,
                token,
                uri,
                "Dashboard",
                staff -> Templates.page(
                        Response.Status.OK,
                        "console/home.jte",
                        new Pages.Home(ConsoleForms.frame(uri, staff), dashboard.figures())));
    }

    /** Only the session's own form signs out: a forged post changes nothing. */
    @POST
    @Path("sign-out")
    @Transactional
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        Optional<StaffSessions.Staff> staff = sessions.find(token);
        if (staff.isEmpty()) return ConsoleForms.toSignIn(uri);
        ConsoleForms.posted(sessions, token, csrf, Role.Permission.READ, "Sign out");
        sessions.end(token);
        audit.record(ConsoleForms.actor(staff.get()), "staff.sign-out", null, null);
        return Response.seeOther(ConsoleForms.at(uri, "/sign-in"))
                .cookie(PublicUrl.cookie(uri, ConsoleForms.SESSION_COOKIE, null, "console"))
                .build();
    }

    private Response.ResponseBuilder signIn(Response.Status status, String csrf, String problem) {
        return Templates.page(
                status,
                "console/signIn.jte",
                new Pages.SignIn(
                        ConsoleForms.frame(uri, null),
                        local ? ConsoleForms.signInPath(uri) : null,
                        provider.configured() ? PublicUrl.path(uri, "console/oidc/start") : null,
                        csrf,
                        problem));
    }

    /** The sign-in form's double-submit token: the browser's own while it is well-formed, else a new one. */
    private static String formToken(String cookie) {
        return cookie != null && cookie.length() == 43 ? cookie : PasswordHash.newSecret();
    }
}
