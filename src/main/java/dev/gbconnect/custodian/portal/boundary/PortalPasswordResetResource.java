package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.customer.control.PasswordResets;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.Templates;
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

/**
 * Where a one-time link from the utility's staff leads: the customer chooses a new password (the portal's strength
 * rule) and the link is used up. The form needs no other CSRF token: the link's own 256-bit secret is in it, which
 * another site cannot know.
 */
@Path("portal/reset-password")
@RequestScoped
public class PortalPasswordResetResource {

    private static final String TITLE = "Choose a new password";
    private static final String GONE = "This link was used already or has expired. Please ask us for a new one.";

    /** The page's model: the link's token, the signed-in path, and what went wrong or right. */
    public record Page(String token, String signIn, String problem, boolean done) {}

    @Inject
    PasswordResets resets;

    @Context
    UriInfo uri;

    @GET
    @Transactional
    public Response form(@QueryParam("token") String token) {
        if (resets.holder(token).isEmpty()) throw PageError.INVALID.on(TITLE, GONE);
        return page(Response.Status.OK, new Page(token, PortalForms.signInPath(uri), null, false))
                .build();
    }

    @POST
    @Transactional
    public Response set(
            @FormParam("token") String token,
            @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        if (password == null || !password.equals(confirm))
            return problem(token, "The two passwords differ. Please type the same password twice.");
        try {
            if (!resets.redeem(token, password)) throw PageError.INVALID.on(TITLE, GONE);
        } catch (ApiException weak) {
            return problem(
                    token, "Choose another password: it " + weak.getMessage().replace("password ", "") + ".");
        }
        return page(Response.Status.OK, new Page(null, PortalForms.signInPath(uri), null, true))
                .build();
    }

    private Response problem(String token, String problem) {
        return page(Response.Status.BAD_REQUEST, new Page(token, PortalForms.signInPath(uri), problem, false))
                .build();
    }

    private static Response.ResponseBuilder page(Response.Status status, Page page) {
        return Templates.page(status, "portal/resetPassword.jte", page);
    }
}
