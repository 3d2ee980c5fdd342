package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;

/** Imports a feed of one retail customer's customer.xsd resources inside the caller's transaction, all or nothing. */
@ApplicationScoped
public class CustomerInfoImporter {

    @PersistenceContext
    EntityManager em;

    @Inject
    UploadPass pass;

    public ImportReport importFeed(RetailCustomer customer, InputStream body, long maxBytes) {
        return pass.run(customer, body, maxBytes, problems -> new CustomerInfoRun(em, customer, problems))
                .report();
    }
}
