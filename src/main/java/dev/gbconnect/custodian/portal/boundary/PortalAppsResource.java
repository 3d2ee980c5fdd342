package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.portal.boundary.PortalResource.SESSION_COOKIE;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.platform.Templates;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import dev.gbconnect.custodian.portal.control.PortalSessions;
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
 * Connected apps (issue 20 item 7): each third party the customer shares with, what it sees, since and until when,
 * when it last read data, and Revoke; the sharing that ended; the applications the customer can connect.
 */
@Path("portal")
@RequestScoped
public class PortalAppsResource {

    @Inject
    Customers customers;

    @Inject
    PortalSessions sessions;

    @Inject
    ConnectedApps apps;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("apps")
    public Response page(@CookieParam(SESSION_COOKIE) String token) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty()) return PortalForms.toSignIn(uri);
        String customerId = session.get().customerId();
        List<ConnectedApps.App> all = apps.of(customerId);
        return Templates.page(
                        Response.Status.OK,
                        "portal/apps.jte",
                        new PortalViews.Apps(
                                PortalForms.frame(uri, headers, customers.find(customerId), session.get(), "apps"),
                                all.stream().filter(ConnectedApps.App::active).toList(),
                                all.stream().filter(a -> !a.active()).toList(),
                                apps.connectable(),
                                PublicUrl.path(uri, "oauth/scope-selection?client_id=")))
                .build();
    }

    @POST
    @Path("revoke")
    public Response revoke(
            @FormParam("csrf") String csrf,
            @FormParam("authorization") String authorization,
            @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = PortalForms.signedIn(sessions, token, csrf, "apps.title");
        if (!apps.revoke(session.customerId(), authorization))
            throw PageError.NOT_FOUND.customer("apps.title", "error.no-connection");
        return Response.seeOther(PortalForms.at(uri, "apps")).build();
    }
}
