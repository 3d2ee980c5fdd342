package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.customer.control.PasswordResets;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PageException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a one-time link from the utility's staff leads: the customer chooses a new password (the portal's strength
 * rule) and the link is used up. Then, as after a change in the account settings, every portal session of the customer
 * and every token of their personal API access ends, and the customer lands signed out on the sign-in page with a
 * notice. The form needs no other CSRF token: the link's own 256-bit secret is in it, which another site cannot know.
 */
@Path("portal/reset-password")
@RequestScoped
public class PortalPasswordResetResource {

    /** The page's model: the frame, the link's token, and what went wrong (a text key). */
    public record Page(CustomerFrame frame, String token, String problem) {}

    @Inject
    PasswordResets resets;

    @Inject
    AccountSettings settings;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    public Response form(@QueryParam("token") String token) {
        if (resets.holder(token).isEmpty()) throw gone();
        return page(Response.Status.OK, token, null);
    }

    @POST
    @Transactional
    public Response set(
            @FormParam("token") String token,
            @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        if (password == null || !password.equals(confirm))
            return page(Response.Status.BAD_REQUEST, token, "reset.differ");
        RetailCustomer customer;
        try {
            customer = resets.redeem(token, password).orElseThrow(PortalPasswordResetResource::gone);
        } catch (ApiException weak) {
            return page(Response.Status.BAD_REQUEST, token, "reset.weak");
        }
        settings.endOldAccess(customer.id(), null);
        return Response.seeOther(URI.create(PortalForms.signInPath(uri) + "?" + PortalForms.RESET + "=done"))
                .build();
    }

    private static PageException gone() {
        return PageError.INVALID.customer("reset.title", "error.link-gone");
    }

    /** The language switcher comes back to the form while the link works. */
    private Response page(Response.Status status, String token, String problem) {
        String here = token == null
                ? "portal/sign-in"
                : "portal/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        CustomerFrame frame = CustomerFrame.signedOut(uri, headers, here);
        return Templates.page(status, "portal/resetPassword.jte", new Page(frame, token, problem))
                .build();
    }
}
