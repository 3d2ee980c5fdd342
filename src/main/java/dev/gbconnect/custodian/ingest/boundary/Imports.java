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
import java.util.function.Consumer;

/**
 * One upload's transaction, whoever sent it (the API, the console): it has ended, committed or rolled back, when a
 * method returns, so {@link UploadRecorder} records what really happened. {@code stored} is handed the report of an
 * accepted file inside the transaction, to write what must commit with it (the history record).
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
    public ImportReport usage(String customerId, InputStream body, long maxBytes, Consumer<ImportReport> stored) {
        return stored(
                usage.importFeed(customers.find(customerId, LockModeType.PESSIMISTIC_WRITE), body, maxBytes), stored);
    }

    @Transactional
    public ImportReport customerInformation(
            String customerId, InputStream body, long maxBytes, Consumer<ImportReport> stored) {
        return stored(
                customerInformation.importFeed(
                        customers.find(customerId, LockModeType.PESSIMISTIC_WRITE), body, maxBytes),
                stored);
    }

    @Transactional
    public ImportReport bulkCustomerInformation(InputStream body, long maxBytes, Consumer<ImportReport> stored) {
        return stored(customerInformation.importBulk(body, maxBytes), stored);
    }

    private static ImportReport stored(ImportReport report, Consumer<ImportReport> stored) {
        stored.accept(report);
        return report;
    }
}
