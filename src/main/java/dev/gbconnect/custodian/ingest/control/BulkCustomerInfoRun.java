package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One bulk upload of customer information: many retail customers' customer.xsd resources in one feed, inside the
 * caller's transaction. Each entry names its customer by the utility's key in its links ({@code
 * …/RetailCustomer/{key}/Customer/…}, the path ESPI gives a customer's resources), which is the customer's username
 * here; a customer not stored yet is created without a password (docs/design.md), named by the {@code customerName}
 * of their Customer. A customer's entries come together: the run keeps one customer's links at a time
 * ({@link CustomerInfoRun}), so memory does not grow with the file.
 */
final class BulkCustomerInfoRun implements EntrySink {

    private static final String SEGMENT = "RetailCustomer/";

    private final EntityManager em;
    private final Problems problems;
    private final CustomerInfoRun run;
    private final Instant now = Instant.now();
    private String key;
    private boolean refused;
    private long created, found;

    BulkCustomerInfoRun(EntityManager em, Problems problems, CustomerInfoRun run) {
        this.em = em;
        this.problems = problems;
        this.run = run;
    }

    @Override
    public void accept(AtomEntry entry) {
        String next = key(entry);
        if (next == null) {
            problems.add(
                    entry,
                    "a bulk upload names each entry's customer in its self link: …/RetailCustomer/{key}/Customer/…");
            return;
        }
        if (!next.equals(key)) start(next, entry);
        if (!refused) run.accept(entry);
    }

    @Override
    public void finish() {
        run.finish();
    }

    ImportReport report() {
        return run.report(new ImportReport.Counts(created, 0, found));
    }

    private void start(String next, AtomEntry entry) {
        key = next;
        try {
            Customers.checkUsername(next);
        } catch (ApiException e) {
            refused = true;
            problems.add(entry, "the customer key " + next + " in the self link is not a username: " + e.getMessage());
            return;
        }
        refused = false;
        String id = Customers.idOf(next);
        if (problems.any()) {
            // Nothing more will be stored: the rest of the file is only checked, against a customer kept nowhere.
            run.customer(new RetailCustomer(id, next, null, null, now), true);
            return;
        }
        // A customer not stored has no row to hold: only a stored one is read again, locked. The locking query costs
        // a prepare and a flush of the rows before it, which, for each new customer, were four fifths of the upload
        // (docs/performance.md); a read by id costs neither.
        RetailCustomer stored = em.find(RetailCustomer.class, id) == null ? null : held(id);
        if (stored != null) {
            found++;
            run.customer(stored, false);
            return;
        }
        RetailCustomer customer = new RetailCustomer(id, next, null, name(entry), now);
        em.persist(customer);
        created++;
        run.customer(customer, true);
    }

    /** The stored customer, held as one customer's upload holds it (UploadPass), so their uploads take turns. */
    private RetailCustomer held(String id) {
        List<RetailCustomer> stored = em.createQuery(
                        "SELECT c FROM RetailCustomer c WHERE c.id = :id", RetailCustomer.class)
                .setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return stored.isEmpty() ? null : stored.get(0);
    }

    /** The customer's name as their Customer entry gives it, when it fits the column. */
    private static String name(AtomEntry entry) {
        for (AtomEntry.Content c : entry.contents()) {
            if (c instanceof AtomEntry.Described d && "Customer".equals(d.element())) {
                String name = d.fields().get("customerName");
                if (name != null && !name.isBlank() && name.length() <= 256) return name.strip();
            }
        }
        return null;
    }

    /** The key after {@code RetailCustomer/} in the entry's self link (its up link failing that), decoded. */
    private static String key(AtomEntry entry) {
        String href = Hrefs.of(entry.self() != null ? entry.self() : entry.up());
        if (href == null) return null;
        int at = href.indexOf(SEGMENT);
        if (at < 0) return null;
        int from = at + SEGMENT.length(), to = href.indexOf('/', from);
        String raw = to < 0 ? href.substring(from) : href.substring(from, to);
        try {
            return URI.create("x:/" + raw).getPath().substring(1);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
