package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.portal.boundary.PortalResource.SESSION_COOKIE;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.platform.GuideResource;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.platform.Templates;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * Personal API access (issue 20 item 6): clients for the customer's own scripts, which sign in as the customer (the
 * password grant) and read only the customer's data; the page explains them with commands that work as shown and
 * links the large-customer guide the server serves ({@link GuideResource}). Each form post carries the session's own
 * token.
 */
@Path("portal/api-access")
@RequestScoped
public class PortalAccessResource {

    private static final String TITLE = "api.title";

    @Inject
    Customers customers;

    @Inject
    PortalSessions sessions;

    @Inject
    ConnectedApps apps;

    @Inject
    UsageInventory usage;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    public Response page(@CookieParam(SESSION_COOKIE) String token) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty()) return PortalForms.toSignIn(uri);
        RetailCustomer customer = customers.find(session.get().customerId());
        return Templates.page(
                        Response.Status.OK,
                        "portal/apiAccess.jte",
                        new PortalViews.Api(
                                PortalForms.frame(uri, headers, customer, session.get(), "api"),
                                apps.personal(customer.id()),
                                customer.username(),
                                PublicUrl.base(uri).toString(),
                                PublicUrl.path(uri, GuideResource.PATH),
                                LocalTimeRules.common(usage.localTimes(customer.id()), List.of())))
                .build();
    }

    /** A new client for the customer's own scripts; its secret is on this page and nowhere else. */
    @POST
    public Response create(
            @FormParam("csrf") String csrf, @FormParam("name") String name, @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = PortalForms.signedIn(sessions, token, csrf, TITLE);
        RetailCustomer customer = customers.find(session.customerId());
        CustomerFrame frame = PortalForms.frame(uri, headers, customer, session, "api");
        Clients.Registered created = apps.createPersonal(
                customer.id(), name == null || name.isBlank() ? frame.lookup("api.default-name") : name);
        return Templates.page(
                        Response.Status.OK,
                        "portal/newApiAccess.jte",
                        new PortalViews.NewApi(
                                frame,
                                created.client(),
                                created.secret().secret(),
                                customer.username(),
                                PublicUrl.base(uri).toString(),
                                PublicUrl.path(uri, GuideResource.PATH)))
                .build();
    }

    @POST
    @Path("delete")
    public Response delete(
            @FormParam("csrf") String csrf,
            @FormParam("client") String client,
            @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = PortalForms.signedIn(sessions, token, csrf, TITLE);
        if (!apps.endPersonal(session.customerId(), client))
            throw PageError.NOT_FOUND.customer(TITLE, "error.no-access");
        return Response.seeOther(PortalForms.at(uri, "api-access")).build();
    }
}
