package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.control.CustomerCsv;
import dev.gbconnect.custodian.console.control.CustomerImports;
import dev.gbconnect.custodian.console.entity.CustomerImport;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs a console CSV import in the background, a batch of lines per transaction, so its progress is committed as it
 * goes and every instance can show it. A batch that fails (another import or the admin API created one of its
 * customers at the same moment) is tried once more, when that customer reads as existing; a second failure ends the
 * import as failed, its earlier batches kept.
 */
@ApplicationScoped
public class CustomerImportJob {

    private static final Logger LOG = Logger.getLogger(CustomerImportJob.class.getName());

    /** Lines per transaction: few enough to keep each short, enough that 10,000 lines take seconds. */
    static final int BATCH = 500;

    @Resource
    ManagedExecutorService executor;

    @Inject
    CustomerImports imports;

    @Inject
    CustomerImportJob self;

    @Transactional
    public CustomerImport start(AuditLog.Actor actor, String fileName, byte[] file, int lines) {
        return imports.start(actor, fileName, file, lines);
    }

    /** Imports the rows after {@link #start} has committed. */
    public void run(String importId, List<CustomerCsv.Row> rows) {
        executor.execute(() -> {
            try {
                for (int from = 0; from < rows.size(); from += BATCH) {
                    List<CustomerCsv.Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                    try {
                        self.batch(importId, batch);
                    } catch (RuntimeException raced) {
                        self.batch(importId, batch);
                    }
                }
                self.end(importId, CustomerImport.State.DONE);
            } catch (RuntimeException e) {
                // The class alone: a database's message may quote a username, which stays out of logs (issue 17).
                LOG.warning("customer import " + importId + " failed: "
                        + e.getClass().getName());
                self.end(importId, CustomerImport.State.FAILED);
            }
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void batch(String importId, List<CustomerCsv.Row> rows) {
        imports.batch(importId, rows);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void end(String importId, CustomerImport.State state) {
        imports.end(importId, state);
    }
}
