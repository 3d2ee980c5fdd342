package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.control.CustomerViews;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.control.PasswordResets;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.PageError;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Customers as staff handle them: search, create, disable and enable (with the effect on Authorizations that
 * {@link Customers#enable} has), and one-time password-reset links. Each change is written to the audit log in its
 * transaction.
 */
@Path("console/customers")
@RequestScoped
public class ConsoleCustomersResource {

    private static final String TITLE = "Customers";

    @Inject
    StaffSessions sessions;

    @Inject
    CustomerViews views;

    @Inject
    Customers customers;

    @Inject
    PasswordResets resets;

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @GET
    public Response search(@QueryParam("q") String query, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        String q = query == null ? "" : query.strip();
        if (q.length() > 256) throw PageError.INVALID.on(TITLE, "Search for at most 256 characters.");
        return ConsoleForms.reading(
                sessions,
                token,
                uri,
                TITLE,
                staff -> Templates.page(
                        Response.Status.OK,
                        "console/customers.jte",
                        new Pages.Customers(
                                ConsoleForms.frame(uri, staff), q, q.isEmpty() ? List.of() : views.search(q))));
    }

    @POST
    @Transactional
    public Response create(
            @FormParam("username") String username,
            @FormParam("name") String name,
            @FormParam("password") String password,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff = ConsoleForms.posted(sessions, token, csrf, Role.Permission.CHANGE_CUSTOMERS, TITLE);
        RetailCustomer c = views.create(username, name, password);
        audit.record(ConsoleForms.actor(staff), "customer.create", "customer " + c.username(), null);
        // Post/redirect/get: reloading the answer does not post the form again.
        return Response.seeOther(ConsoleForms.at(uri, "/customers/" + c.id())).build();
    }

    @GET
    @Path("{id}")
    public Response customer(@PathParam("id") String id, @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        return ConsoleForms.reading(sessions, token, uri, "Customer", staff -> page(staff, id, null));
    }

    @POST
    @Path("{id}/enabled")
    @Transactional
    public Response enable(
            @PathParam("id") String id,
            @FormParam("enabled") String enabled,
            @FormParam("reason") String reason,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff =
                ConsoleForms.posted(sessions, token, csrf, Role.Permission.CHANGE_CUSTOMERS, "Customer");
        if (!"true".equals(enabled) && !"false".equals(enabled))
            throw PageError.INVALID.on("Customer", "Choose to enable or to disable the customer.");
        RetailCustomer c = views.detail(id).customer();
        customers.enable(c.id(), Boolean.parseBoolean(enabled));
        audit.record(
                ConsoleForms.actor(staff),
                "true".equals(enabled) ? "customer.enable" : "customer.disable",
                "customer " + c.username(),
                ConsoleForms.reason(reason, "Customer"));
        return Response.seeOther(ConsoleForms.at(uri, "/customers/" + c.id())).build();
    }

    @POST
    @Path("{id}/password-reset")
    @Transactional
    public Response passwordReset(
            @PathParam("id") String id,
            @FormParam("reason") String reason,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff =
                ConsoleForms.posted(sessions, token, csrf, Role.Permission.RESET_PASSWORD, "Customer");
        RetailCustomer c = views.detail(id).customer();
        String link = PublicUrl.base(uri) + "portal/reset-password?token=" + resets.issue(c.id());
        audit.record(
                ConsoleForms.actor(staff),
                "customer.password-reset-link",
                "customer " + c.username(),
                ConsoleForms.reason(reason, "Customer"));
        return page(staff, c.id(), link).build();
    }

    private Response.ResponseBuilder page(StaffSessions.Staff staff, String id, String resetLink) {
        return Templates.page(
                Response.Status.OK,
                "console/customer.jte",
                new Pages.Customer(ConsoleForms.frame(uri, staff), views.detail(id), resetLink));
    }
}
