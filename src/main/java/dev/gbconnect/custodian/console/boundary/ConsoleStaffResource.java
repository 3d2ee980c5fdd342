package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.control.StaffAccounts;
import dev.gbconnect.custodian.console.control.StaffSessions;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/** Local staff accounts, for operators only: the list and a new account with its role. */
@Path("console/staff")
@RequestScoped
public class ConsoleStaffResource {

    private static final String TITLE = "Staff";

    @Inject
    StaffSessions sessions;

    @Inject
    StaffAccounts accounts;

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @GET
    public Response list(@CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        return ConsoleForms.reading(sessions, token, uri, TITLE, staff -> {
            ConsoleForms.require(staff, Role.Permission.MANAGE_STAFF, TITLE);
            return Templates.page(
                    Response.Status.OK,
                    "console/staff.jte",
                    new Pages.Staff(ConsoleForms.frame(uri, staff), accounts.all()));
        });
    }

    @POST
    @Transactional
    public Response create(
            @FormParam("username") String username,
            @FormParam("name") String name,
            @FormParam("role") String role,
            @FormParam("password") String password,
            @FormParam("csrf") String csrf,
            @CookieParam(ConsoleForms.SESSION_COOKIE) String token) {
        StaffSessions.Staff staff = ConsoleForms.posted(sessions, token, csrf, Role.Permission.MANAGE_STAFF, TITLE);
        Role chosen = Optional.ofNullable(role)
                .flatMap(r -> java.util.Arrays.stream(Role.values())
                        .filter(v -> v.name().equals(r))
                        .findFirst())
                .orElseThrow(() -> PageError.INVALID.on(TITLE, "Choose a role: operator, support or auditor."));
        accounts.create(username, name, chosen, password);
        audit.record(ConsoleForms.actor(staff), "staff.create", "staff " + username + " as " + chosen.label(), null);
        return Response.seeOther(ConsoleForms.at(uri, "/staff")).build();
    }
}
