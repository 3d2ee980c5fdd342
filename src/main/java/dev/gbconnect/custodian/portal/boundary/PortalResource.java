package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.platform.Templates;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import dev.gbconnect.custodian.usage.control.UsageTotals;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The customer portal: sign in with the customer's username and password, see one's usage, sign out (downloads are
 * {@link PortalDownloadResource}'s, access to the data {@link PortalAccessResource}'s). The session
 * lives in the database ({@link PortalSessions}), so any instance serves the next page. The sign-in form is
 * protected by a double-submit token (a cookie and a field that must agree); forms after sign-in carry the
 * session's own token.
 */
@Path("portal")
@RequestScoped
public class PortalResource {

    static final String SESSION_COOKIE = "custodian_portal", FORM_COOKIE = "custodian_portal_form";

    /**
     * The sign-in page's model; {@code problem} is a text key or null, {@code reset} says the customer just set a new
     * password with a one-time link.
     */
    public record SignIn(CustomerFrame frame, String action, String csrf, String problem, boolean reset) {}

    @Inject
    Customers customers;

    @Inject
    PortalSessions sessions;

    @Inject
    UsageTotals totals;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("sign-in")
    public Response signInPage(@CookieParam(FORM_COOKIE) String form, @QueryParam(PortalForms.RESET) String reset) {
        String csrf = PortalForms.formToken(form);
        return signInPage(Response.Status.OK, csrf, null, reset != null)
                .cookie(PublicUrl.cookie(uri, FORM_COOKIE, csrf, "portal"))
                .build();
    }

    @POST
    @Path("sign-in")
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("csrf") String csrf,
            @CookieParam(FORM_COOKIE) String form,
            @Context HttpServletRequest request) {
        if (!PortalForms.same(csrf, form)) {
            // Refused, so the browser's form cookie stays if it has a usable one: the new form carries it.
            String token = PortalForms.formToken(form);
            Response.ResponseBuilder page = signInPage(Response.Status.BAD_REQUEST, token, "signin.expired", false);
            return (token.equals(form) ? page : page.cookie(PublicUrl.cookie(uri, FORM_COOKIE, token, "portal")))
                    .build();
        }
        Optional<RetailCustomer> customer =
                customers.authenticate(username, password, PortalForms.attempt(SignInRecord.Channel.PORTAL, request));
        if (customer.isEmpty()) {
            return signInPage(Response.Status.UNAUTHORIZED, form, "signin.wrong", false)
                    .build();
        }
        PortalSessions.Started started = sessions.start(customer.get().id());
        return Response.seeOther(PortalForms.home(uri))
                .cookie(
                        PublicUrl.cookie(uri, SESSION_COOKIE, started.token(), "portal"),
                        PublicUrl.cookie(uri, FORM_COOKIE, null, "portal"))
                .build();
    }

    /**
     * The usage page: each usage point's chart of one {@code period} (a day, a month or a year; by default the month
     * of the latest data) in the usage point's local time, and the Download My Data form.
     */
    @GET
    public Response usage(@CookieParam(SESSION_COOKIE) String token, @QueryParam("period") String period) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty()) return PortalForms.toSignIn(uri);
        ChartPeriod chosen = period == null ? null : ChartPeriod.parse(period);
        if (period != null && chosen == null) throw PageError.INVALID.customer("usage.title", "error.period");
        RetailCustomer customer = customers.find(session.get().customerId());
        CustomerFrame frame = PortalForms.frame(uri, headers, customer, session.get(), "usage");
        List<UsageTotals.Series> series =
                totals.ofCustomer(customer.id(), chosen != null && chosen.view() == ChartPeriod.View.DAY);
        return Templates.page(Response.Status.OK, "portal/usage.jte", UsagePage.of(frame, series, chosen))
                .build();
    }

    /**
     * Only a sign-out the session's own form posted clears the cookie. A forged one changes nothing: any page could
     * otherwise sign a customer out, and from another site the browser does not even send the SameSite=Lax cookie,
     * so "no session" may be a session the request cannot see.
     */
    @POST
    @Path("sign-out")
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(SESSION_COOKIE) String token) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty()) return PortalForms.toSignIn(uri);
        PortalForms.postedBy(session.get(), csrf, "nav.sign-out");
        sessions.end(token);
        return Response.seeOther(URI.create(PortalForms.signInPath(uri)))
                .cookie(PublicUrl.cookie(uri, SESSION_COOKIE, null, "portal"))
                .build();
    }

    private Response.ResponseBuilder signInPage(Response.Status status, String csrf, String problem, boolean reset) {
        CustomerFrame frame = CustomerFrame.signedOut(uri, headers, "portal/sign-in");
        return Templates.page(
                status, "portal/signIn.jte", new SignIn(frame, PortalForms.signInPath(uri), csrf, problem, reset));
    }
}
