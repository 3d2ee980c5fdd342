package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;

/**
 * Imports customer.xsd resources inside the caller's transaction, all or nothing: one retail customer's, or many
 * customers' at once. A file fires {@link CustomerInfoChanged} in that same transaction for each customer stored
 * before whose resources it created or changed.
 */
@ApplicationScoped
public class CustomerInfoImporter {

    @PersistenceContext
    EntityManager em;

    @Inject
    UploadPass pass;

    @Inject
    Event<CustomerInfoChanged> changed;

    public ImportReport importFeed(RetailCustomer customer, InputStream body, long maxBytes) {
        return pass.run(customer, body, maxBytes, problems -> {
                    CustomerInfoRun run = new CustomerInfoRun(em, problems, this::changed);
                    run.customer(customer, false);
                    return run;
                })
                .report(null);
    }

    /**
     * Imports a feed of many retail customers' customer.xsd resources, each customer named by the key in its entries'
     * links, creating those not stored yet (without a password), inside the caller's transaction, all or nothing.
     */
    public ImportReport importBulk(InputStream body, long maxBytes) {
        return pass.run(
                        null,
                        body,
                        maxBytes,
                        problems ->
                                new BulkCustomerInfoRun(em, problems, new CustomerInfoRun(em, problems, this::changed)))
                .report();
    }

    private void changed(String customerId) {
        changed.fire(new CustomerInfoChanged(customerId));
    }
}
