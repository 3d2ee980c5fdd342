package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.portal.boundary.PortalResource.SESSION_COOKIE;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Who may reach the customer's data, as the customer manages it in the portal: personal API access (a client for
 * the customer's own scripts) and the connected third parties. Each form post carries the session's own token.
 */
@Path("portal")
@RequestScoped
public class PortalAccessResource {

    @Inject
    Customers customers;

    @Inject
    PortalSessions sessions;

    @Inject
    ConnectedApps apps;

    @Context
    UriInfo uri;

    /** Personal API access: a new client for the customer's own scripts; its secret is on this page and nowhere else. */
    @POST
    @Path("api-access")
    public Response createApiAccess(
            @FormParam("csrf") String csrf, @FormParam("name") String name, @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = PortalForms.signedIn(sessions, token, csrf, "Personal API access");
        RetailCustomer customer = customers.find(session.customerId());
        Clients.Registered created =
                apps.createPersonal(customer.id(), name == null || name.isBlank() ? "My script" : name);
        return PortalPages.newApiAccess(
                        created.client(),
                        created.secret().secret(),
                        customer.username(),
                        PublicUrl.base(uri).toString())
                .build();
    }

    @POST
    @Path("api-access/delete")
    public Response deleteApiAccess(
            @FormParam("csrf") String csrf,
            @FormParam("client") String client,
            @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = PortalForms.signedIn(sessions, token, csrf, "Personal API access");
        if (!apps.endPersonal(session.customerId(), client))
            throw PageError.NOT_FOUND.on("Personal API access", "That access does not exist.");
        return Response.seeOther(PortalForms.home(uri)).build();
    }

    @POST
    @Path("revoke")
    public Response revoke(
            @FormParam("csrf") String csrf,
            @FormParam("authorization") String authorization,
            @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = PortalForms.signedIn(sessions, token, csrf, "Connected apps");
        if (!apps.revoke(session.customerId(), authorization)) {
            throw PageError.NOT_FOUND.on("Connected apps", "That connection does not exist.");
        }
        return Response.seeOther(PortalForms.home(uri)).build();
    }
}
