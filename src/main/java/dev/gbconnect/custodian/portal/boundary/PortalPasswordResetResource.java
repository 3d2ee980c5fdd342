package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.customer.control.PasswordResets;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.Templates;
import dev.gbconnect.custodian.portal.control.AccountSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Where a one-time link from the utility's staff leads: the customer chooses a new password (the portal's strength
 * rule) and the link is used up. Then, as after a change in the account settings, every portal session of the customer
 * and every token of their personal API access ends, and the customer lands signed out on the sign-in page with a
 * notice. The form needs no other CSRF token: the link's own 256-bit secret is in it, which another site cannot know.
 */
@Path("portal/reset-password")
@RequestScoped
public class PortalPasswordResetResource {

    private static final String TITLE = "Choose a new password";
    private static final String GONE = "This link was used already or has expired. Please ask us for a new one.";

    /** The page's model: the link's token, and what went wrong. */
    public record Page(String token, String problem) {}

    @Inject
    PasswordResets resets;

    @Inject
    AccountSettings settings;

    @Context
    UriInfo uri;

    @GET
    @Transactional
    public Response form(@QueryParam("token") String token) {
        if (resets.holder(token).isEmpty()) throw PageError.INVALID.on(TITLE, GONE);
        return page(Response.Status.OK, new Page(token, null)).build();
    }

    @POST
    @Transactional
    public Response set(
            @FormParam("token") String token,
            @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        if (password == null || !password.equals(confirm))
            return problem(token, "The two passwords differ. Please type the same password twice.");
        RetailCustomer customer;
        try {
            customer = resets.redeem(token, password).orElseThrow(() -> PageError.INVALID.on(TITLE, GONE));
        } catch (ApiException weak) {
            return problem(
                    token, "Choose another password: it " + weak.getMessage().replace("password ", "") + ".");
        }
        settings.endOldAccess(customer.id(), null);
        return Response.seeOther(URI.create(PortalForms.signInPath(uri) + "?" + PortalForms.RESET + "=done"))
                .build();
    }

    private Response problem(String token, String problem) {
        return page(Response.Status.BAD_REQUEST, new Page(token, problem)).build();
    }

    private static Response.ResponseBuilder page(Response.Status status, Page page) {
        return Templates.page(status, "portal/resetPassword.jte", page);
    }
}
