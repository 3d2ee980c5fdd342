package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.feed.control.AtomBody;
import dev.gbconnect.custodian.feed.control.Reaches;
import dev.gbconnect.custodian.feed.control.UsageDocuments;
import dev.gbconnect.custodian.oauth.boundary.CurrentCaller;
import dev.gbconnect.custodian.oauth.boundary.RequiresScope;
import dev.gbconnect.custodian.oauth.control.Scopes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ESPI batches: whole usage point trees of a Subscription, or of every Subscription of a bulk request. */
@Path("espi/1_1/resource/Batch")
@RequestScoped
@RequiresScope({})
@Tag(name = "ESPI usage data")
@Produces(AtomBody.MEDIA_TYPE)
public class BatchResource {

    @Inject
    Reaches reaches;

    @Inject
    UsageDocuments documents;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("Subscription/{subscriptionId}{usagePoints: (?:/UsagePoint)?}")
    @Operation(summary = "Everything a Subscription covers: usage points, readings, summaries (published-min/-max bound the readings)")
    public Response subscription(@PathParam("subscriptionId") String subscriptionId) {
        return subscription(subscriptionId, null);
    }

    @GET
    @Path("Subscription/{subscriptionId}/UsagePoint/{usagePointId}")
    public Response subscription(@PathParam("subscriptionId") String subscriptionId, @PathParam("usagePointId") String usagePointId) {
        return Response.ok(AtomBody.stream(documents.batch(List.of(reaches.subscription(caller.get(), subscriptionId, FeedRequest.uris(uri))),
                usagePointId, FeedRequest.page(uri)))).build();
    }

    @GET
    @Path("Bulk/{bulkId}")
    @RequiresScope({Scopes.THIRD_PARTY_ADMIN, Scopes.DATA_CUSTODIAN_ADMIN})
    @Operation(summary = "Every Subscription of the calling third party whose scope carries BR={bulkId}, as one batch")
    public Response bulk(@PathParam("bulkId") String bulkId) {
        return Response.ok(AtomBody.stream(documents.batch(reaches.bulk(caller.get(), bulkId, FeedRequest.uris(uri)), null, FeedRequest.page(uri)))).build();
    }
}
