package dev.gbconnect.custodian.retail.control;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.OutsideRights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Which tree of customer information a caller reads on each kind of path. The data custodian reads any customer's;
 * a customer's token (a third party's access token, a password grant, a personal client) its own customer's as its
 * Authorization shares it; a third party's back office its bulk requests. Which token classes reach which path is
 * decided before this ({@code AcceptsTokens}). A customer that is not the token's, or a token without the grant,
 * is refused exactly like a customer that does not exist (issue 17, privacy), as {@link OutsideRights} says.
 */
@ApplicationScoped
public class CustomerInfoReaches {

    @Inject
    Customers customers;

    @Inject
    Authorizations authorizations;

    @Inject
    OutsideRights outsideRights;

    /** The customer form ({@code RetailCustomer/{rc}/Customer…}) and {@code Batch/RetailCustomer/{rc}}. */
    public CustomerTree customer(Caller caller, String retailCustomerId, EspiUris uris) {
        if (caller.isDataCustodian()) {
            customers.find(retailCustomerId);
            return CustomerTree.customers(uris, CustomerInfoReach.customer(retailCustomerId));
        }
        CustomerInfoReach reach = CustomerInfoReach.of(caller.authorization());
        if (!reach.any() || !retailCustomerId.equals(caller.customerId())) {
            throw outsideRights.refusal(
                    "retail customer " + retailCustomerId, () -> customers.exists(retailCustomerId));
        }
        return CustomerTree.customers(uris, reach);
    }

    /**
     * {@code Batch/BulkRetailCustomerInfo/{id}}: what every active Authorization of the calling third party (of
     * every third party, for the data custodian) whose scope carries {@code BR={id}} shares; those without the grant
     * add nothing.
     */
    public CustomerTree bulk(Caller caller, String bulkId, EspiUris uris) {
        List<Authorization> all = authorizations.bulk(caller.visibleClient(), bulkId);
        if (all.isEmpty()) throw ApiException.notFound("Bulk " + bulkId);
        return CustomerTree.customers(uris, CustomerInfoReach.of(all));
    }
}
