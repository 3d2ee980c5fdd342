package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Selection;
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

/**
 * The ESPI usage resources, in the Subscription form ({@code Subscription/{id}/UsagePoint/…}, for customer tokens)
 * and the root form ({@code UsagePoint/…}, {@code MeterReading}, …, for the data custodian, or a customer token
 * within its Subscription), plus the shared ReadingType and LocalTimeParameters. A collection answers a feed, an
 * id an entry; collections answer with or without a trailing slash. Batches are {@link BatchResource}'s.
 */
@Path("espi/1_1/resource")
@RequestScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.CUSTOMER, TokenClass.DATA_CUSTODIAN})
@Produces(AtomBody.MEDIA_TYPE)
public class UsageFeedResource {

    /** Empty for the root form, or {@code Subscription/{id}/}. */
    private static final String FORM = "{form: (?:Subscription/[^/]+/)?}";

    private static final String SUMMARY = "{summary: UsageSummary|ElectricPowerQualitySummary}";
    private static final String ROOT =
            "{kind: MeterReading|IntervalBlock|UsageSummary|ElectricPowerQualitySummary|ReadingType|LocalTimeParameters}";

    @Inject
    UsageAnswers answers;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path(FORM + "UsagePoint")
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
    public Response rootFeed(@PathParam("kind") String kind) {
        return feed("", UsageKind.named(kind), null, null);
    }

    @GET
    @Path(ROOT + "/{id}")
    public Response rootEntry(@PathParam("kind") String kind, @PathParam("id") String id) {
        return entry("", Selection.one(UsageKind.named(kind), null, null, id));
    }

    private Response feed(String form, UsageKind kind, String usagePoint, String meterReading) {
        return answers.feed(uri, form, kind, usagePoint, meterReading);
    }

    private Response entry(String form, Selection s) {
        return answers.entry(uri, request, form, s);
    }
}
