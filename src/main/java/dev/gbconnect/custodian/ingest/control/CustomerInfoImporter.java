package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;

/**
 * Imports a feed of one retail customer's customer.xsd resources inside the caller's transaction, all or nothing. A
 * file that changed anything fires {@link CustomerInfoChanged} in that same transaction.
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
        ImportReport report = pass.run(
                        customer, body, maxBytes, problems -> new CustomerInfoRun(em, customer, problems))
                .report();
        if (report.resources().values().stream().anyMatch(c -> c.created() + c.updated() > 0))
            changed.fire(new CustomerInfoChanged(customer.id()));
        return report;
    }
}
