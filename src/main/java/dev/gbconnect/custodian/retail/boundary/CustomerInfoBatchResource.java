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
 * {@code Batch/RetailCustomer/{id}}: a retail customer's whole tree of customer information (the Authorization's
 * {@code customerResourceURI}), parents before their children, for the data custodian or a token of that customer
 * within what its Authorization shares. POST on the same path is the upload.
 */
@Path("espi/1_1/resource/Batch/RetailCustomer/{retailCustomerId}")
@RequestScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.CUSTOMER, TokenClass.DATA_CUSTODIAN})
public class CustomerInfoBatchResource extends CustomerInfoFeeds {

    @GET
    @Produces(AtomBody.MEDIA_TYPE)
    public Response batch(@PathParam("retailCustomerId") String retailCustomerId) {
        CustomerTree tree = reaches.customer(caller.get(), retailCustomerId, EspiUris.of(uri));
        return feed(tree, query -> new Selection(null, retailCustomerId, null, null, null, query));
    }
}
