package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.control.CustomerCsv;
import dev.gbconnect.custodian.console.control.CustomerImports;
import dev.gbconnect.custodian.console.entity.CustomerImport;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Runs a console CSV import in the background, a batch of lines per transaction, so its progress is committed as it
 * goes and every instance can show it. A batch that fails (another import or the admin API created one of its
 * customers at the same moment) is tried once more, when that customer reads as existing; a second failure ends the
 * import as failed, its earlier batches kept.
 *
 * <p>A server that stops (an upgrade, a restart) ends its imports as interrupted between two batches, before it goes:
 * the lines done stay done, the file may be imported again at once, and the staff see why it stopped instead of a
 * bar that no longer moves. The file itself is not kept, so an import does not resume by itself; sending the same file
 * again finishes it (the lines done read as already existing). Only an instance that dies without stopping leaves
 * its import running, which then reads as interrupted after {@link CustomerImports#SILENCE}.
 */
@ApplicationScoped
public class CustomerImportJob {

    private static final Logger LOG = Logger.getLogger(CustomerImportJob.class.getName());

    /** Lines per transaction: few enough to keep each short, enough that 10,000 lines take seconds. */
    static final int BATCH = 500;

    /** How long a stopping server waits for its imports to end their batch: one batch takes well under a second. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    /** The imports this instance runs now. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;

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
        running.add(importId);
        try {
            executor.execute(() -> work(importId, rows));
        } catch (RuntimeException rejected) {
            stopped(importId);
            throw rejected;
        }
    }

    private void work(String importId, List<CustomerCsv.Row> rows) {
        try {
            self.end(importId, importAll(importId, rows));
        } catch (RuntimeException e) {
            // The class alone: a database's message may quote a username, which stays out of logs (issue 17).
            LOG.warning(
                    "customer import " + importId + " failed: " + e.getClass().getName());
            self.end(importId, stopping ? CustomerImport.State.INTERRUPTED : CustomerImport.State.FAILED);
        } finally {
            stopped(importId);
        }
    }

    /** Every batch, or those before the server began to stop; answers how the import ends. */
    private CustomerImport.State importAll(String importId, List<CustomerCsv.Row> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            if (stopping) return CustomerImport.State.INTERRUPTED;
            List<CustomerCsv.Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            try {
                self.batch(importId, batch);
            } catch (RuntimeException raced) {
                if (stopping) throw raced;
                self.batch(importId, batch);
            }
        }
        return CustomerImport.State.DONE;
    }

    private void stopped(String importId) {
        synchronized (running) {
            running.remove(importId);
            running.notifyAll();
        }
    }

    /**
     * The server stops: each running import ends its batch and is marked interrupted, while the database is still
     * there to record it.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        long until = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        synchronized (running) {
            for (long left = STOP_WAIT_MILLIS;
                    !running.isEmpty() && left > 0;
                    left = until - System.currentTimeMillis())
                try {
                    running.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
        }
        if (!running.isEmpty()) LOG.warning("customer imports still running at shutdown: " + running);
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
