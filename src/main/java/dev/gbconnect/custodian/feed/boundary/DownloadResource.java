package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
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
 * Download My Data: a customer's usage points as one batch. The same path takes uploads (ingest's
 * UploadResource); JAX-RS merges the two classes into one resource.
 */
@Path("espi/1_1/resource/Batch/RetailCustomer/{retailCustomerId}/UsagePoint")
@RequestScoped
@AcceptsTokens({TokenClass.CUSTOMER, TokenClass.DATA_CUSTODIAN})
@Produces(AtomBody.MEDIA_TYPE)
public class DownloadResource {

    @Inject
    Reaches reaches;

    @Inject
    UsageDocuments documents;

    @Inject
    Customers customers;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @RequiresScope({})
    public Response all(@PathParam("retailCustomerId") String customerId) {
        return one(customerId, null);
    }

    @GET
    @Path("{usagePointId}")
    @RequiresScope({})
    public Response one(
            @PathParam("retailCustomerId") String customerId, @PathParam("usagePointId") String usagePointId) {
        // The data custodian learns that a customer does not exist; anyone else gets the same 404 either way.
        if (caller.get().isDataCustodian()) customers.find(customerId);
        return FeedRequest.batch(
                documents,
                List.of(reaches.retailCustomer(caller.get(), customerId, EspiUris.of(uri))),
                usagePointId,
                uri);
    }
}
