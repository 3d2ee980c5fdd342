package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.feed.control.document.UsageCsv;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.control.UsageTotals;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer portal: sign in with the customer's username and password, see one's usage, sign out. The session
 * lives in the database ({@link PortalSessions}), so any instance serves the next page. The sign-in form is
 * protected by a double-submit token (a cookie and a field that must agree); forms after sign-in carry the
 * session's own token.
 */
@Path("portal")
@RequestScoped
@Tag(name = "Customer portal", description = "HTML pages for customers in a browser")
public class PortalResource {

    static final String SESSION_COOKIE = "custodian_portal", FORM_COOKIE = "custodian_portal_form";
    private static final String WRONG =
            "The username or password is not right, or the account is locked for a while after too many tries.";

    @Inject
    Customers customers;

    @Inject
    PortalSessions sessions;

    @Inject
    UsageTotals totals;

    @Inject
    UsageInventory usage;

    @Inject
    UsageDocuments documents;

    @Inject
    UsageCsv csv;

    @Inject
    ConnectedApps apps;

    @Context
    UriInfo uri;

    @GET
    @Path("sign-in")
    @Operation(summary = "The sign-in page")
    public Response signInPage(@CookieParam(FORM_COOKIE) String form) {
        String csrf = formToken(form);
        return PortalPages.signIn(Response.Status.OK, signInPath(), csrf, null)
                .cookie(PublicUrl.cookie(uri, FORM_COOKIE, csrf, "portal"))
                .build();
    }

    @POST
    @Path("sign-in")
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("csrf") String csrf,
            @CookieParam(FORM_COOKIE) String form) {
        if (!same(csrf, form)) {
            // Refused, so the browser's form cookie stays if it has a usable one: the new form carries it.
            String token = formToken(form);
            Response.ResponseBuilder page = PortalPages.signIn(
                    Response.Status.BAD_REQUEST, signInPath(), token, "The sign-in form expired. Please try again.");
            return (token.equals(form) ? page : page.cookie(PublicUrl.cookie(uri, FORM_COOKIE, token, "portal")))
                    .build();
        }
        Optional<RetailCustomer> customer = customers.authenticate(username, password);
        if (customer.isEmpty()) {
            return PortalPages.signIn(Response.Status.UNAUTHORIZED, signInPath(), form, WRONG)
                    .build();
        }
        PortalSessions.Started started = sessions.start(customer.get().id());
        return Response.seeOther(home())
                .cookie(
                        PublicUrl.cookie(uri, SESSION_COOKIE, started.token(), "portal"),
                        PublicUrl.cookie(uri, FORM_COOKIE, null, "portal"))
                .build();
    }

    @GET
    @Operation(summary = "The signed-in customer's usage: usage points, daily and monthly charts")
    public Response usage(@CookieParam(SESSION_COOKIE) String token) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty())
            return Response.seeOther(URI.create(signInPath())).build();
        RetailCustomer customer = customers.find(session.get().customerId());
        return PortalPages.usage(
                        customer.name() == null ? customer.username() : customer.name(),
                        totals.ofCustomer(customer.id()),
                        apps.of(customer.id()),
                        apps.connectable(),
                        apps.personal(customer.id()),
                        PublicUrl.path(uri, ""),
                        session.get().csrf())
                .build();
    }

    /**
     * Download My Data: the chosen usage points (another customer's id answers like a missing one) and days, as the
     * ESPI batch (schema-valid, the same document as Batch/RetailCustomer with these bounds) or as CSV.
     */
    @GET
    @Path("download")
    @Operation(
            summary =
                    "Download My Data: format=xml (Green Button) or csv, usage_point (repeated), from and to (days, UTC, inclusive)")
    public Response download(
            @CookieParam(SESSION_COOKIE) String token,
            @QueryParam("usage_point") List<String> chosen,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty())
            return Response.seeOther(URI.create(signInPath())).build();
        String customer = session.get().customerId();
        Set<String> own =
                usage.usagePoints(customer).stream().map(UsagePoint::id).collect(Collectors.toSet());
        if (chosen.isEmpty()) throw PageError.INVALID.on("Download My Data", "Choose at least one usage point.");
        for (String id : chosen)
            if (!own.contains(id))
                throw PageError.NOT_FOUND.on("Download My Data", "Usage point " + id + " does not exist.");
        LocalDate first = day(from, "from"), last = day(to, "to");
        if (last.isBefore(first))
            throw PageError.INVALID.on("Download My Data", "The last day comes before the first.");
        Reach reach = Reach.download(
                customer,
                chosen,
                first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        String name = "green-button-" + first + "-to-" + last;
        boolean csv = "csv".equals(format);
        StreamingOutput body = csv
                ? this.csv.write(reach)
                : AtomBody.stream(documents.batch(
                        List.of(Tree.root(EspiUris.of(uri), reach)),
                        null,
                        new Page(
                                PublicUrl.base(uri) + "espi/1_1/resource/Batch/RetailCustomer/" + customer
                                        + "/UsagePoint",
                                FeedQuery.ALL)));
        return Response.ok(body, csv ? UsageCsv.MEDIA_TYPE + ";charset=UTF-8" : AtomBody.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + (csv ? ".csv" : ".xml") + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static LocalDate day(String value, String name) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw PageError.INVALID.on("Download My Data", "Choose a day for '" + name + "' (YYYY-MM-DD).");
        }
    }

    /** Personal API access: a new client for the customer's own scripts; its secret is on this page and nowhere else. */
    @POST
    @Path("api-access")
    @Operation(summary = "Create a personal client for the password grant; the answer shows its secret once")
    public Response createApiAccess(
            @FormParam("csrf") String csrf, @FormParam("name") String name, @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = signedIn(token, csrf, "Personal API access");
        RetailCustomer customer = customers.find(session.customerId());
        Clients.Registered created =
                apps.createPersonal(customer.id(), name == null || name.isBlank() ? "My script" : name);
        return PortalPages.newApiAccess(
                        created.client(),
                        created.secret().secret(),
                        customer.username(),
                        PublicUrl.base(uri).toString())
                .build();
    }

    @POST
    @Path("api-access/delete")
    public Response deleteApiAccess(
            @FormParam("csrf") String csrf,
            @FormParam("client") String client,
            @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = signedIn(token, csrf, "Personal API access");
        if (!apps.endPersonal(session.customerId(), client))
            throw PageError.NOT_FOUND.on("Personal API access", "That access does not exist.");
        return Response.seeOther(home()).build();
    }

    /** The session of a form post whose token matches; a signed-out or forged post is refused with a page. */
    private PortalSessions.Session signedIn(String token, String csrf, String title) {
        PortalSessions.Session s = sessions.find(token)
                .orElseThrow(() -> PageError.SIGNED_OUT.on(title, "You are signed out. Please sign in again."));
        postedBy(s, csrf, title);
        return s;
    }

    /** Refuses a post that does not carry the session's own form token. */
    private static void postedBy(PortalSessions.Session s, String csrf, String title) {
        if (!same(csrf, s.csrf()))
            throw PageError.INVALID.on(title, "The page expired. Please go back, reload it and try again.");
    }

    @POST
    @Path("revoke")
    @Operation(summary = "End one of the customer's connected apps: its tokens stop working on their next request")
    public Response revoke(
            @FormParam("csrf") String csrf,
            @FormParam("authorization") String authorization,
            @CookieParam(SESSION_COOKIE) String token) {
        PortalSessions.Session session = signedIn(token, csrf, "Connected apps");
        if (!apps.revoke(session.customerId(), authorization)) {
            throw PageError.NOT_FOUND.on("Connected apps", "That connection does not exist.");
        }
        return Response.seeOther(home()).build();
    }

    /**
     * Only a sign-out the session's own form posted clears the cookie. A forged one changes nothing: any page could
     * otherwise sign a customer out, and from another site the browser does not even send the SameSite=Lax cookie,
     * so "no session" may be a session the request cannot see.
     */
    @POST
    @Path("sign-out")
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(SESSION_COOKIE) String token) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty())
            return Response.seeOther(URI.create(signInPath())).build();
        postedBy(session.get(), csrf, "Sign out");
        sessions.end(token);
        return Response.seeOther(URI.create(signInPath()))
                .cookie(PublicUrl.cookie(uri, SESSION_COOKIE, null, "portal"))
                .build();
    }

    /** The sign-in form's double-submit token: the browser's own while it is well-formed, else a new one. */
    private static String formToken(String cookie) {
        return cookie != null && cookie.length() == 43 ? cookie : PasswordHash.newSecret();
    }

    private String signInPath() {
        return PublicUrl.path(uri, "portal/sign-in");
    }

    private URI home() {
        return URI.create(PublicUrl.path(uri, "portal"));
    }

    private static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
