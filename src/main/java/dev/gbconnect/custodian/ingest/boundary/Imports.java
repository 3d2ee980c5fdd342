package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.ingest.control.CustomerInfoImporter;
import dev.gbconnect.custodian.ingest.control.ImportReport;
import dev.gbconnect.custodian.ingest.control.UsageImporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.InputStream;

/**
 * One upload's transaction, whoever sent it (the API, the console): it has ended, committed or rolled back, when a
 * method returns, so {@link UploadRecorder} records what really happened.
 */
@ApplicationScoped
public class Imports {

    @Inject
    Customers customers;

    @Inject
    UsageImporter usage;

    @Inject
    CustomerInfoImporter customerInformation;

    /**
     * The customer is read with the lock that UploadPass holds for the upload: one statement where a lookup and a
     * locking select were two (docs/performance.md, nightly delivery).
     */
    @Transactional
    public ImportReport usage(String customerId, InputStream body, long maxBytes) {
        return usage.importFeed(customers.find(customerId, LockModeType.PESSIMISTIC_WRITE), body, maxBytes);
    }

    @Transactional
    public ImportReport customerInformation(String customerId, InputStream body, long maxBytes) {
        return customerInformation.importFeed(
                customers.find(customerId, LockModeType.PESSIMISTIC_WRITE), body, maxBytes);
    }

    @Transactional
    public ImportReport bulkCustomerInformation(InputStream body, long maxBytes) {
        return customerInformation.importBulk(body, maxBytes);
    }
}
