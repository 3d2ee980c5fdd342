package dev.gbconnect.custodian.retail.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Selection;
import dev.gbconnect.custodian.retail.control.CustomerTree;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * {@code Batch/BulkRetailCustomerInfo/{bulkId}}: the customer information of every customer who granted it to the
 * calling third party's bulk request ({@code BR=}), each customer's tree parents first, in one streamed feed, as
 * {@code Batch/Bulk} is for usage. Its own class: below {@code Batch/} JAX-RS would match BatchResource first.
 */
@Path("espi/1_1/resource/Batch/BulkRetailCustomerInfo/{bulkId}")
@RequestScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.THIRD_PARTY, TokenClass.DATA_CUSTODIAN})
public class CustomerInfoBulkResource extends CustomerInfoFeeds {

    @GET
    @Produces(AtomBody.MEDIA_TYPE)
    public Response bulk(@PathParam("bulkId") String bulkId) {
        CustomerTree tree = reaches.bulk(caller.get(), bulkId, EspiUris.of(uri));
        return feed(tree, query -> new Selection(null, null, null, null, null, query));
    }
}
