package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.portal.boundary.PortalResource.SESSION_COOKIE;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.feed.control.document.UsageCsv;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.portal.control.PortalSessions;
import dev.gbconnect.custodian.retail.control.CustomerInfoDocuments;
import dev.gbconnect.custodian.retail.control.CustomerInfoReach;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Selection;
import dev.gbconnect.custodian.retail.control.CustomerTree;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Download My Data from the portal: the chosen usage points (another customer's id answers like a missing one) and
 * local days (each usage point's LocalTimeParameters), as the ESPI batch (schema-valid, the same document as
 * Batch/RetailCustomer with these bounds) or as CSV. Personal information only when the customer ticks it ({@code personal=on}; issue 17: the customer's choice): then
 * the same feed goes on with the customer.xsd entries of the ServiceLocations serving the chosen usage points, as a
 * personal client with FB_53 reads them, so one Green Button file imports both halves.
 */
@Path("portal/download")
@RequestScoped
public class PortalDownloadResource {

    private static final String TITLE = "download.title";

    @Inject
    PortalSessions sessions;

    @Inject
    UsageInventory usage;

    @Inject
    UsageDocuments documents;

    @Inject
    UsageCsv csv;

    @Inject
    CustomerInfoDocuments customerInfo;

    @Context
    UriInfo uri;

    @GET
    public Response download(
            @CookieParam(SESSION_COOKIE) String token,
            @QueryParam("usage_point") List<String> chosen,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format,
            @QueryParam("personal") String personal) {
        Optional<PortalSessions.Session> session = sessions.find(token);
        if (session.isEmpty()) return PortalForms.toSignIn(uri);
        String customer = session.get().customerId();
        LocalTimeRules zone = localTime(usage.localTimes(customer), chosen);
        LocalDate first = day(from, "download.problem.first"), last = day(to, "download.problem.last");
        if (last.isBefore(first)) throw PageError.INVALID.customer(TITLE, "download.problem.order");
        // Local days, from the local midnight that begins the first to the one that ends the last.
        Reach reach = Reach.download(customer, chosen, zone.startOf(first), zone.startOf(last.plusDays(1)));
        boolean asCsv = "csv".equals(format), withPersonal = personal(personal, asCsv);
        String name = "green-button-" + first + "-to-" + last + (asCsv ? ".csv" : ".xml");
        StreamingOutput body = asCsv ? csv.write(reach) : batch(customer, reach, withPersonal ? chosen : null);
        return Response.ok(body, asCsv ? UsageCsv.MEDIA_TYPE + ";charset=UTF-8" : AtomBody.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * The local time the chosen usage points share (each must be the customer's: another's answers like a missing
     * one), in which the days are read.
     */
    private static LocalTimeRules localTime(Map<String, LocalTimeRules> own, List<String> chosen) {
        if (chosen.isEmpty()) throw PageError.INVALID.customer(TITLE, "download.problem.none");
        for (String id : chosen)
            if (!own.containsKey(id)) throw PageError.NOT_FOUND.customer(TITLE, "download.problem.unknown", id);
        Set<LocalTimeRules> zones = chosen.stream().map(own::get).collect(Collectors.toSet());
        if (zones.size() > 1) throw PageError.INVALID.customer(TITLE, "download.problem.zones");
        return zones.iterator().next();
    }

    /** The usage batch; with {@code personal} usage points, their customer information after it in the same feed. */
    private StreamingOutput batch(String customer, Reach reach, List<String> personal) {
        AtomBody usage = documents.batch(
                List.of(Tree.root(EspiUris.of(uri), reach)),
                null,
                new Page(
                        PublicUrl.base(uri) + "espi/1_1/resource/Batch/RetailCustomer/" + customer + "/UsagePoint",
                        FeedQuery.ALL));
        if (personal == null) return AtomBody.stream(usage);
        AtomBody info = customerInfo.entries(
                CustomerTree.customers(EspiUris.of(uri), CustomerInfoReach.download(customer, personal)),
                new Selection(null, customer, null, null, null, null));
        return AtomBody.stream(atom -> {
            usage.write(atom);
            info.write(atom);
        });
    }

    /** Is personal information asked for (the form's checkbox sends {@code on})? Only Green Button XML holds it. */
    private static boolean personal(String personal, boolean asCsv) {
        if (personal == null) return false;
        if (!"on".equals(personal)) throw PageError.INVALID.customer(TITLE, "download.problem.personal");
        if (asCsv) throw PageError.INVALID.customer(TITLE, "download.problem.personal-csv");
        return true;
    }

    /** A day of the form; {@code problemKey} says which one is missing or malformed. */
    private static LocalDate day(String value, String problemKey) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw PageError.INVALID.customer(TITLE, problemKey);
        }
    }
}
