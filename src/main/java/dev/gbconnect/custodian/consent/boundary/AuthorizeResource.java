package dev.gbconnect.custodian.consent.boundary;

import dev.gbconnect.custodian.consent.control.Consents;
import dev.gbconnect.custodian.customer.control.SignIns;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.oauth.boundary.MetadataResource;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * The authorization endpoint (RFC 6749 §3.1) and the pages behind it: sign in, choose what to share, allow or
 * deny. Every step is a plain form; the request waits in the database between steps.
 */
@Path("oauth/authorize")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class AuthorizeResource {

    static final String BROWSER_COOKIE = "custodian_browser";

    @Inject
    Consents consents;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    @Transactional
    public Response authorize(@CookieParam(BROWSER_COOKIE) String cookie) {
        String browser = Consents.browser(cookie);
        Consents.Pending p = consents.start(uri.getQueryParameters(), browser, MetadataResource.issuer(uri));
        return ConsentPages.signIn(p, action("sign-in"), null)
                .cookie(browserCookie(browser))
                .build();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response signIn(
            @FormParam("request") String handle,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @CookieParam(BROWSER_COOKIE) String browser) {
        Consents.Pending p = consents.pending(handle, browser);
        Optional<String> next = consents.signIn(
                p,
                username,
                password,
                new SignIns.Attempt(
                        SignInRecord.Channel.CONSENT, request.getRemoteAddr(), request.getHeader("User-Agent")));
        if (next.isEmpty())
            return ConsentPages.signIn(p, action("sign-in"), "Wrong username or password.")
                    .build();
        // Post/redirect/get: reloading the consent page must not post the password again.
        return Response.seeOther(PublicUrl.base(uri).resolve("oauth/authorize/consent?request=" + next.get()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("consent")
    @Transactional
    public Response consent(@QueryParam("request") String handle, @CookieParam(BROWSER_COOKIE) String browser) {
        Consents.Pending p = consents.pending(handle, browser);
        return ConsentPages.consent(
                        p,
                        consents.usagePoints(p),
                        consents.defaultUntil(),
                        consents.latestUntil(),
                        action("decision"),
                        null)
                .build();
    }

    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response decide(
            @FormParam("request") String handle,
            @FormParam("decision") String decision,
            @FormParam("usage_point") List<String> usagePoints,
            @FormParam("personal_information") String personal,
            @FormParam("until") String until,
            @CookieParam(BROWSER_COOKIE) String browser) {
        Consents.Pending p = consents.pending(handle, browser);
        Consents.Decision d = consents.decide(
                p,
                "approve".equals(decision),
                usagePoints,
                "share".equals(personal),
                until,
                MetadataResource.issuer(uri));
        if (d.problem() != null) {
            return ConsentPages.consent(
                            p,
                            consents.usagePoints(p),
                            consents.defaultUntil(),
                            consents.latestUntil(),
                            action("decision"),
                            d.problem())
                    .build();
        }
        return Response.seeOther(d.redirect())
                .header("Cache-Control", "no-store")
                .build();
    }

    private String action(String step) {
        return PublicUrl.path(uri, "oauth/authorize/" + step);
    }

    /** HttpOnly, SameSite=Lax, Secure over https; scoped to these pages. */
    private NewCookie browserCookie(String value) {
        return PublicUrl.cookie(uri, BROWSER_COOKIE, value, "oauth/authorize");
    }
}
