package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.feed.control.document.UsageCsv;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import dev.gbconnect.custodian.usage.control.UsageInventory;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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

    private static final String WRONG =
            "The username or password is not right, or the account is locked for a while after too many tries.";

    @Inject
    Customers customers;

    @Inject
    PortalSessions sessions;

    @Inject
    UsageTotals totals;

    @Inject
    UsageInventory usage;

    @Inject
    UsageDocuments documents;

    @Inject
    UsageCsv csv;

    @Inject
    ConnectedApps apps;

    @Context
    UriInfo uri;

    @GET
    @Path("sign-in")
    public Response signInPage(@CookieParam(FORM_COOKIE) String form, @QueryParam(PortalForms.RESET) String reset) {
        String csrf = formToken(form);
        return PortalPages.signIn(Response.Status.OK, PortalForms.signInPath(uri), csrf, null, reset != null)
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
            String token = formToken(form);
            Response.ResponseBuilder page = PortalPages.signIn(
                    Response.Status.BAD_REQUEST,
                    PortalForms.signInPath(uri),
                    token,
                    "The sign-in form expired. Please try again.");
            return (token.equals(form) ? page : page.cookie(PublicUrl.cookie(uri, FORM_COOKIE, token, "portal")))
                    .build();
        }
        Optional<RetailCustomer> customer =
                customers.authenticate(username, password, PortalForms.attempt(SignInRecord.Channel.PORTAL, request));
        if (customer.isEmpty()) {
            return PortalPages.signIn(Response.Status.UNAUTHORIZED, PortalForms.signInPath(uri), form, WRONG)
                    .build();
        }
        PortalSessions.Started started = sessions.start(customer.get().id());
        return Response.seeOther(PortalForms.home(uri))
                .cookie(
                        PublicUrl.cookie(uri, SESSION_COOKIE, started.token(), "portal"),
                        PublicUrl.cookie(uri, FORM_COOKIE, null, "portal"))
                .build();
    }

    @GET
    public Response usage(@CookieParam(SESSION_COOKIE) String token) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty())
            return Response.seeOther(URI.create(PortalForms.signInPath(uri))).build();
        RetailCustomer customer = customers.find(session.get().customerId());
        return PortalPages.usage(
                        customer.name() == null ? customer.username() : customer.name(),
                        totals.ofCustomer(customer.id()),
                        apps.of(customer.id()),
                        apps.connectable(),
                        apps.personal(customer.id()),
                        PublicUrl.path(uri, ""),
                        session.get().csrf())
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
        if (session.isEmpty())
            return Response.seeOther(URI.create(PortalForms.signInPath(uri))).build();
        PortalForms.postedBy(session.get(), csrf, "Sign out");
        sessions.end(token);
        return Response.seeOther(URI.create(PortalForms.signInPath(uri)))
                .cookie(PublicUrl.cookie(uri, SESSION_COOKIE, null, "portal"))
                .build();
    }

    /** The sign-in form's double-submit token: the browser's own while it is well-formed, else a new one. */
    private static String formToken(String cookie) {
        return cookie != null && cookie.length() == 43 ? cookie : PasswordHash.newSecret();
    }
}
