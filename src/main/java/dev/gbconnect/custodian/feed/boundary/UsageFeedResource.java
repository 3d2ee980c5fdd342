package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Selection;
import dev.gbconnect.custodian.feed.control.reach.Reaches;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import dev.gbconnect.custodian.platform.OutsideRights;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ESPI usage resources, in the Subscription form ({@code Subscription/{id}/UsagePoint/…}, for customer tokens)
 * and the root form ({@code UsagePoint/…}, {@code MeterReading}, …, for the data custodian, or a customer token
 * within its Subscription), plus the shared ReadingType and LocalTimeParameters. A collection answers a feed, an
 * id an entry; collections answer with or without a trailing slash. Batches hold whole usage point trees of a
 * Subscription, or of every Subscription of a bulk request.
 */
@Path("espi/1_1/resource")
@RequestScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.CUSTOMER, TokenClass.DATA_CUSTODIAN})
@Tag(
        name = "ESPI usage data",
        description = "A customer's token reads its Subscription; DataCustodian_Admin_Access reads everything")
@Produces(AtomBody.MEDIA_TYPE)
public class UsageFeedResource {

    /** Empty for the root form, or {@code Subscription/{id}/}. */
    private static final String FORM = "{form: (?:Subscription/[^/]+/)?}";

    private static final String SUMMARY = "{summary: UsageSummary|ElectricPowerQualitySummary}";
    private static final String ROOT =
            "{kind: MeterReading|IntervalBlock|UsageSummary|ElectricPowerQualitySummary|ReadingType|LocalTimeParameters}";

    @Inject
    Reaches reaches;

    @Inject
    UsageDocuments documents;

    @Inject
    CurrentCaller caller;

    @Inject
    OutsideRights outsideRights;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path(FORM + "UsagePoint")
    @Operation(summary = "The usage points within reach, as a feed")
    public Response usagePoints(@PathParam("form") String form) {
        return feed(form, UsageKind.USAGE_POINT, null, null);
    }

    @GET
    @Path(FORM + "UsagePoint/{usagePointId}")
    public Response usagePoint(@PathParam("form") String form, @PathParam("usagePointId") String id) {
        return entry(form, Selection.one(UsageKind.USAGE_POINT, null, null, id));
    }

    @GET
    @Path(FORM + "UsagePoint/{usagePointId}/MeterReading")
    public Response meterReadings(@PathParam("form") String form, @PathParam("usagePointId") String usagePoint) {
        return feed(form, UsageKind.METER_READING, usagePoint, null);
    }

    @GET
    @Path(FORM + "UsagePoint/{usagePointId}/MeterReading/{meterReadingId}")
    public Response meterReading(
            @PathParam("form") String form,
            @PathParam("usagePointId") String usagePoint,
            @PathParam("meterReadingId") String id) {
        return entry(form, Selection.one(UsageKind.METER_READING, usagePoint, null, id));
    }

    @GET
    @Path(FORM + "UsagePoint/{usagePointId}/MeterReading/{meterReadingId}/IntervalBlock")
    @Operation(
            summary =
                    "A MeterReading's IntervalBlocks in time order; published-min/-max select by the time the readings cover")
    public Response intervalBlocks(
            @PathParam("form") String form,
            @PathParam("usagePointId") String usagePoint,
            @PathParam("meterReadingId") String meterReading) {
        return feed(form, UsageKind.INTERVAL_BLOCK, usagePoint, meterReading);
    }

    @GET
    @Path(FORM + "UsagePoint/{usagePointId}/MeterReading/{meterReadingId}/IntervalBlock/{intervalBlockId}")
    public Response intervalBlock(
            @PathParam("form") String form,
            @PathParam("usagePointId") String usagePoint,
            @PathParam("meterReadingId") String meterReading,
            @PathParam("intervalBlockId") String id) {
        return entry(form, Selection.one(UsageKind.INTERVAL_BLOCK, usagePoint, meterReading, id));
    }

    @GET
    @Path(FORM + "UsagePoint/{usagePointId}/" + SUMMARY)
    public Response summaries(
            @PathParam("form") String form,
            @PathParam("usagePointId") String usagePoint,
            @PathParam("summary") String summary) {
        return feed(form, UsageKind.named(summary), usagePoint, null);
    }

    @GET
    @Path(FORM + "UsagePoint/{usagePointId}/" + SUMMARY + "/{id}")
    public Response summary(
            @PathParam("form") String form,
            @PathParam("usagePointId") String usagePoint,
            @PathParam("summary") String summary,
            @PathParam("id") String id) {
        return entry(form, Selection.one(UsageKind.named(summary), usagePoint, null, id));
    }

    @GET
    @Path(ROOT)
    @Operation(summary = "Every resource of this kind within reach (root form), as a feed")
    public Response rootFeed(@PathParam("kind") String kind) {
        return feed("", UsageKind.named(kind), null, null);
    }

    @GET
    @Path(ROOT + "/{id}")
    public Response rootEntry(@PathParam("kind") String kind, @PathParam("id") String id) {
        return entry("", Selection.one(UsageKind.named(kind), null, null, id));
    }

    @GET
    @Path("Batch/Subscription/{subscriptionId}{usagePoints: (?:/UsagePoint)?}")
    @Operation(
            summary =
                    "Everything a Subscription covers: usage points, readings, summaries (published-min/-max bound the readings)")
    public Response subscriptionBatch(@PathParam("subscriptionId") String subscriptionId) {
        return subscriptionBatch(subscriptionId, null);
    }

    @GET
    @Path("Batch/Subscription/{subscriptionId}/UsagePoint/{usagePointId}")
    public Response subscriptionBatch(
            @PathParam("subscriptionId") String subscriptionId, @PathParam("usagePointId") String usagePointId) {
        return FeedRequest.batch(
                documents,
                List.of(reaches.subscription(caller.get(), subscriptionId, EspiUris.of(uri))),
                usagePointId,
                uri);
    }

    @GET
    @Path("Batch/Bulk/{bulkId}")
    @AcceptsTokens({TokenClass.THIRD_PARTY, TokenClass.DATA_CUSTODIAN})
    @Operation(summary = "Every Subscription of the calling third party whose scope carries BR={bulkId}, as one batch")
    public Response bulk(@PathParam("bulkId") String bulkId) {
        return FeedRequest.batch(documents, reaches.bulk(caller.get(), bulkId, EspiUris.of(uri)), null, uri);
    }

    private Response feed(String form, UsageKind kind, String usagePoint, String meterReading) {
        Page page = Page.of(uri);
        Selection s = new Selection(kind, usagePoint, meterReading, null, page.query());
        return Response.ok(AtomBody.stream(documents.feed(tree(form), s, page))).build();
    }

    private Response entry(String form, Selection s) {
        // GBA QRY002 (GREEN-BUTTON-CMD.md ER-05): a bad query parameter is a 400 on every GET, an entry's too.
        FeedQuery.parse(uri.getQueryParameters());
        return FeedRequest.entry(
                documents
                        .entry(tree(form), s)
                        .orElseThrow(() ->
                                outsideRights.refusal(s.kind().espiName() + " " + s.id(), () -> documents.exists(s))),
                request);
    }

    private Tree tree(String form) {
        if (form.isEmpty()) return reaches.root(caller.get(), EspiUris.of(uri));
        return reaches.subscription(
                caller.get(), form.substring("Subscription/".length(), form.length() - 1), EspiUris.of(uri));
    }
}
