package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.customer.control.PasswordResets;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PageException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a one-time link from the utility's staff leads: the customer chooses a new password (the portal's strength
 * rule) and the link is used up. The form needs no other CSRF token: the link's own 256-bit secret is in it, which
 * another site cannot know.
 */
@Path("portal/reset-password")
@RequestScoped
public class PortalPasswordResetResource {

    /** The page's model: the link's token, the sign-in path, and what went wrong (a text key) or right. */
    public record Page(CustomerFrame frame, String token, String signIn, String problem, boolean done) {}

    @Inject
    PasswordResets resets;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    public Response form(@QueryParam("token") String token) {
        if (resets.holder(token).isEmpty()) throw gone();
        return page(Response.Status.OK, token, null, false);
    }

    @POST
    @Transactional
    public Response set(
            @FormParam("token") String token,
            @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        if (password == null || !password.equals(confirm))
            return page(Response.Status.BAD_REQUEST, token, "reset.differ", false);
        try {
            if (!resets.redeem(token, password)) throw gone();
        } catch (ApiException weak) {
            return page(Response.Status.BAD_REQUEST, token, "reset.weak", false);
        }
        return page(Response.Status.OK, null, null, true);
    }

    private static PageException gone() {
        return PageError.INVALID.customer("reset.title", "error.link-gone");
    }

    /** The switcher comes back to the form while the link works, to the sign-in page once it is used. */
    private Response page(Response.Status status, String token, String problem, boolean done) {
        String here = done || token == null
                ? "portal/sign-in"
                : "portal/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        CustomerFrame frame = CustomerFrame.signedOut(uri, headers, here);
        return Templates.page(
                        status,
                        "portal/resetPassword.jte",
                        new Page(frame, token, PortalForms.signInPath(uri), problem, done))
                .build();
    }
}
