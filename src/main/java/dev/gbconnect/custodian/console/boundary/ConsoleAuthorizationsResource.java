package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.console.control.AuthorizationViews;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.control.ThirdPartyViews;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * Customers' Authorizations (issue 19 item 7): search; end one on the customer's behalf (support and operators); and
 * offline authorization on the customer's behalf (operators), always with a reason, which goes to the audit log and,
 * for a grant, stays with the Authorization.
 */
@Path("console/authorizations")
@RequestScoped
public class ConsoleAuthorizationsResource {

    private static final String TITLE = "Authorizations";
    private static final Map<String, Integer> STATES =
            Map.of("active", Authorization.ACTIVE, "revoked", Authorization.REVOKED, "denied", Authorization.DENIED);

    @Inject
    StaffSessions sessions;

    @Inject
    AuthorizationViews views;

    @Inject
    ThirdPartyViews thirdParties;

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @GET
    public Response search(
            @QueryParam("customer") String customer,
            @QueryParam("third-party") String thirdParty,
            @QueryParam("status") String status,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        for (String s : new String[] {customer, thirdParty})
            if (s != null && s.length() > 256) throw PageError.INVALID.on(TITLE, "Search for at most 256 characters.");
        if (status != null && !status.isEmpty() && !STATES.containsKey(status))
            throw PageError.INVALID.on(TITLE, "Choose active, revoked or denied.");
        var filter = new AuthorizationViews.Filter(customer, thirdParty, STATES.get(status == null ? "" : status));
        return ConsoleForms.reading(sessions, token, uri, TITLE, staff -> page(staff, filter, null));
    }

    @POST
    @Path("{id}/revoke")
    @Transactional
    public Response revoke(
            @PathParam("id") String id,
            @FormParam("reason") String reason,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff =
                ConsoleForms.posted(sessions, token, csrf, Role.Permission.REVOKE_AUTHORIZATIONS, TITLE);
        String why = ConsoleForms.reason(reason, TITLE);
        Authorization a = views.revoke(id);
        audit.record(ConsoleForms.actor(staff), "authorization.revoke", target(a), why);
        return Response.seeOther(ConsoleForms.at(uri, "/authorizations?customer=" + a.customerId()))
                .build();
    }

    /** The answer shows the refresh token for the third party once; reloading it does not grant again. */
    @POST
    @Path("offline")
    @Transactional
    public Response offline(
            @FormParam("customer") String customer,
            @FormParam("offer") String offer,
            @FormParam("until") String until,
            @FormParam("reason") String reason,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff = ConsoleForms.posted(sessions, token, csrf, Role.Permission.GRANT_OFFLINE, TITLE);
        String why = ConsoleForms.reason(reason, TITLE);
        AuthorizationViews.Granted granted = views.offline(customer, offer, until, why);
        audit.record(ConsoleForms.actor(staff), "authorization.offline", target(granted.authorization()), why);
        var filter = new AuthorizationViews.Filter(granted.authorization().customerId(), null, null);
        return page(staff, filter, granted).build();
    }

    private Response.ResponseBuilder page(
            StaffSessions.Staff staff, AuthorizationViews.Filter filter, AuthorizationViews.Granted granted) {
        return Templates.page(
                Response.Status.OK,
                "console/authorizations.jte",
                new Pages.Authorizations(
                        ConsoleForms.frame(uri, staff), filter, views.search(filter), thirdParties.offers(), granted));
    }

    private static String target(Authorization a) {
        return "authorization " + a.id() + " of customer " + a.customerId() + " for client " + a.clientId();
    }
}
