package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.control.ThirdPartyViews;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.notification.entity.Notification;
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

/**
 * Third parties (issue 19 item 6): their registrations by ESPI dataCustodianApplicationStatus, and for operators the
 * moves between statuses (approve a new one, put it on hold, revoke it), a rotated secret shown once, and dead notices
 * sent again. Each change is written to the audit log in its transaction.
 */
@Path("console/third-parties")
@RequestScoped
public class ConsoleThirdPartiesResource {

    private static final String TITLE = "Third parties", ONE = "Third party";

    @Inject
    StaffSessions sessions;

    @Inject
    ThirdPartyViews views;

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("status") String status, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        var chosen = ThirdPartyViews.status(status, TITLE);
        return ConsoleForms.reading(
                sessions,
                token,
                uri,
                TITLE,
                staff -> Templates.page(
                        Response.Status.OK,
                        "console/thirdParties.jte",
                        new Pages.ThirdParties(
                                ConsoleForms.frame(uri, staff), chosen.orElse(null), views.list(chosen))));
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        return ConsoleForms.reading(sessions, token, uri, ONE, staff -> page(staff, id, null));
    }

    /** Post/redirect/get; a move to the status it already has (a form sent twice) changes and records nothing. */
    @POST
    @Path("{id}/status")
    @Transactional
    public Response status(
            @PathParam("id") String id,
            @FormParam("status") String status,
            @FormParam("reason") String reason,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff =
                ConsoleForms.posted(sessions, token, csrf, Role.Permission.MANAGE_THIRD_PARTIES, ONE);
        Client.Status to = ThirdPartyViews.status(status, ONE)
                .orElseThrow(() -> PageError.INVALID.on(ONE, "Choose the new status."));
        String why = ConsoleForms.reason(reason, ONE);
        Client c = views.client(id);
        if (views.move(c, to)) audit.record(ConsoleForms.actor(staff), "client.status", target(c) + " to " + to, why);
        return Response.seeOther(ConsoleForms.at(uri, "/third-parties/" + c.id()))
                .build();
    }

    /** The new secret is in this answer only; the one before it keeps working until the third party has moved. */
    @POST
    @Path("{id}/secret")
    @Transactional
    public Response rotate(
            @PathParam("id") String id,
            @FormParam("reason") String reason,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff =
                ConsoleForms.posted(sessions, token, csrf, Role.Permission.MANAGE_THIRD_PARTIES, ONE);
        String why = ConsoleForms.reason(reason, ONE);
        Client c = views.client(id);
        Clients.NewSecret secret = views.rotate(c);
        audit.record(ConsoleForms.actor(staff), "client.secret-rotate", target(c) + " secret " + secret.id(), why);
        return page(staff, c.id(), secret.secret()).build();
    }

    @POST
    @Path("{id}/notices/{sequence}/retry")
    @Transactional
    public Response retry(
            @PathParam("id") String id,
            @PathParam("sequence") String sequence,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff =
                ConsoleForms.posted(sessions, token, csrf, Role.Permission.MANAGE_THIRD_PARTIES, ONE);
        Client c = views.client(id);
        Notification n = views.retry(c, sequence);
        audit.record(ConsoleForms.actor(staff), "notice.retry", "notice " + n.sequence() + " to " + target(c), null);
        return Response.seeOther(ConsoleForms.at(uri, "/third-parties/" + c.id()))
                .build();
    }

    private Response.ResponseBuilder page(StaffSessions.Staff staff, String id, String newSecret) {
        return Templates.page(
                Response.Status.OK,
                "console/thirdParty.jte",
                new Pages.ThirdParty(ConsoleForms.frame(uri, staff), views.detail(id), newSecret));
    }

    private static String target(Client c) {
        return "client " + c.id() + " (" + c.name() + ")";
    }
}
