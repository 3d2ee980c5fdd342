package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.portal.boundary.PortalResource.SESSION_COOKIE;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.platform.Templates;
import dev.gbconnect.custodian.portal.control.AccountSettings;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Account settings (issue 20 item 5): a new password, with the current one required, and the customer's recent
 * sign-ins. A changed password signs out every other session of the customer and stops their personal API access's
 * tokens ({@link AccountSettings}); this session stays, and its page says the password changed (post/redirect/get).
 */
@Path("portal/account")
@RequestScoped
public class PortalAccountResource {

    private static final String TITLE = "account.title";

    @Inject
    Customers customers;

    @Inject
    PortalSessions sessions;

    @Inject
    AccountSettings settings;

    @Inject
    UsageInventory usage;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @GET
    public Response page(@QueryParam("changed") String changed, @CookieParam(SESSION_COOKIE) String token) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty()) return PortalForms.toSignIn(uri);
        return page(Response.Status.OK, session.get(), null, changed != null);
    }

    @POST
    @Path("password")
    public Response changePassword(
            @FormParam("csrf") String csrf,
            @FormParam("current") String current,
            @FormParam("password") String password,
            @FormParam("confirm") String confirm,
            @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = PortalForms.signedIn(sessions, token, csrf, TITLE);
        Optional<AccountSettings.Problem> problem = settings.changePassword(
                session.customerId(),
                token,
                current,
                password,
                confirm,
                PortalForms.attempt(SignInRecord.Channel.ACCOUNT, request));
        if (problem.isPresent()) return page(Response.Status.BAD_REQUEST, session, problemKey(problem.get()), false);
        return Response.seeOther(PortalForms.at(uri, "account?changed=1")).build();
    }

    private static String problemKey(AccountSettings.Problem p) {
        return "account.problem." + p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Response page(Response.Status status, PortalSessions.Session session, String problem, boolean changed) {
        RetailCustomer customer = customers.find(session.customerId());
        return Templates.page(
                        status,
                        "portal/account.jte",
                        new PortalViews.Account(
                                PortalForms.frame(uri, headers, customer, session, "account"),
                                settings.recentSignIns(customer.id()),
                                settings.historyDays(),
                                problem,
                                changed,
                                LocalTimeRules.common(usage.localTimes(customer.id()), List.of())))
                .build();
    }
}
