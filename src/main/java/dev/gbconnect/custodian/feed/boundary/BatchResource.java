package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
import dev.gbconnect.custodian.feed.control.reach.Bulk;
import dev.gbconnect.custodian.feed.control.reach.Reaches;
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

/**
 * Batches of whole usage point trees: of a Subscription, or of every Subscription of a bulk request. Download My
 * Data ({@code Batch/RetailCustomer}) is {@link DownloadResource}.
 */
@Path("espi/1_1/resource/Batch")
@RequestScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.CUSTOMER, TokenClass.DATA_CUSTODIAN})
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
    public Response subscriptionBatch(@PathParam("subscriptionId") String subscriptionId) {
        return subscriptionBatch(subscriptionId, null);
    }

    @GET
    @Path("Subscription/{subscriptionId}/UsagePoint/{usagePointId}")
    public Response subscriptionBatch(
            @PathParam("subscriptionId") String subscriptionId, @PathParam("usagePointId") String usagePointId) {
        return FeedRequest.batch(
                documents,
                List.of(reaches.subscription(caller.get(), subscriptionId, EspiUris.of(uri))),
                usagePointId,
                uri);
    }

    @GET
    @Path("Bulk/{bulkId}")
    @AcceptsTokens({TokenClass.THIRD_PARTY, TokenClass.DATA_CUSTODIAN})
    public Response bulk(@PathParam("bulkId") String bulkId) {
        Bulk bulk = reaches.bulk(caller.get(), bulkId, EspiUris.of(uri));
        return Response.ok(AtomBody.stream(documents.bulk(bulk, Page.of(uri)))).build();
    }
}
