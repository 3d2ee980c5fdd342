package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.CustodianApplication;
import dev.gbconnect.custodian.platform.ErrorMappers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Imports customer.xsd resources inside the caller's transaction, all or nothing: one retail customer's, or many
 * customers' at once. A file fires {@link CustomerInfoChanged} in that same transaction for each customer stored
 * before whose resources it created or changed.
 */
@ApplicationScoped
public class CustomerInfoImporter {

    @PersistenceContext
    EntityManager em;

    /** The bulk upload's JDBC batches; in the caller's transaction, on the connection the entity layer uses. */
    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    UploadPass pass;

    @Inject
    Event<CustomerInfoChanged> changed;

    public ImportReport importFeed(RetailCustomer customer, InputStream body, long maxBytes) {
        return pass.run(customer, body, maxBytes, problems -> {
                    CustomerInfoRun run =
                            new CustomerInfoRun(em, CustomerInfoRun.entities(em), problems, this::changed);
                    run.customer(customer.id(), false);
                    return run;
                })
                .report(null);
    }

    /**
     * Imports a feed of many retail customers' customer.xsd resources, each customer named by the key in its entries'
     * links, creating those not stored yet (without a password), inside the caller's transaction, all or nothing.
     * Another upload creating the same new customers at the same moment makes this one a 409: the two cannot take turns
     * on a row neither has stored yet, and the file cannot be read again to retry (it is streamed).
     */
    public ImportReport importBulk(InputStream body, long maxBytes) {
        List<CustomerInfoBatch> batches = new ArrayList<>(1);
        try {
            return pass.run(null, body, maxBytes, problems -> {
                        CustomerInfoBatch batch = CustomerInfoBatch.open(dataSource, problems);
                        batches.add(batch);
                        return new BulkCustomerInfoRun(
                                problems, new CustomerInfoRun(em, batch, problems, this::changed), batch);
                    })
                    .report();
        } catch (PersistenceException e) {
            if (!concurrent(e)) throw e;
            throw ApiError.UPLOAD_CONFLICT.because("another upload stored some of this file's customers at the same"
                    + " time; nothing of this file was stored: send it again");
        } finally {
            batches.forEach(CustomerInfoBatch::close);
        }
    }

    /**
     * SQLSTATE 23505 (a unique key: the other upload created the customer first) or class 40, transaction rollback
     * (a deadlock or a lock wait timeout between the two), as Derby and PostgreSQL give them.
     */
    private static boolean concurrent(PersistenceException e) {
        SQLException sql = ErrorMappers.causeOf(e, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.equals("23505") || state.startsWith("40"));
    }

    private void changed(String customerId) {
        changed.fire(new CustomerInfoChanged(customerId));
    }
}
