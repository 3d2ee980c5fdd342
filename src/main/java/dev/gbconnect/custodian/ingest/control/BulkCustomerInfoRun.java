package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.platform.ApiException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bulk upload of customer information: many retail customers' customer.xsd resources in one feed, inside the
 * caller's transaction. Each entry names its customer by the utility's key in its links ({@code
 * …/RetailCustomer/{key}/Customer/…}, the path ESPI gives a customer's resources), which is the customer's username
 * here; a customer not stored yet is created without a password (docs/design.md), named by the {@code customerName}
 * of their Customer. A customer's entries come together.
 *
 * <p>Entries are kept until a chunk of {@link CustomerInfoBatch#CHUNK} customers is complete; then one statement
 * tells which of them are stored, and the chunk is placed ({@link CustomerInfoRun}) and written as JDBC batches
 * ({@link CustomerInfoBatch}). So memory is one chunk's, and the database sees a few statements per chunk instead of
 * a few per customer. A customer named again after other customers starts a new chunk, and is then found stored, as
 * a second file naming them would find them.
 */
final class BulkCustomerInfoRun implements EntrySink {

    private static final String SEGMENT = "RetailCustomer/";

    /** One customer of the chunk at hand, with their entries so far. */
    private record Pending(String key, String id, List<AtomEntry> entries) {}

    private final Problems problems;
    private final CustomerInfoRun run;
    private final CustomerInfoBatch batch;
    private final Map<String, Pending> chunk = new LinkedHashMap<>();
    private String key;
    private Pending current;
    private long created, found;

    BulkCustomerInfoRun(Problems problems, CustomerInfoRun run, CustomerInfoBatch batch) {
        this.problems = problems;
        this.run = run;
        this.batch = batch;
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
        if (current != null) current.entries().add(entry);
    }

    @Override
    public void finish() {
        place();
        run.finish();
    }

    ImportReport report() {
        return run.report(new ImportReport.Counts(created, 0, found));
    }

    private void start(String next, AtomEntry entry) {
        key = next;
        current = null;
        try {
            Customers.checkUsername(next);
        } catch (ApiException e) {
            problems.add(entry, "the customer key " + next + " in the self link is not a username: " + e.getMessage());
            return;
        }
        if (chunk.containsKey(next) || chunk.size() >= CustomerInfoBatch.CHUNK) place();
        current = new Pending(next, Customers.idOf(next), new ArrayList<>());
        chunk.put(next, current);
    }

    /** Finds the chunk's stored customers, creates the others, places every entry and writes the chunk. */
    private void place() {
        if (chunk.isEmpty()) return;
        // Once there is a problem nothing more is stored: the rest of the file is only checked, as if all were new.
        Set<String> stored = problems.any()
                ? Set.of()
                : batch.holdStored(chunk.values().stream().map(Pending::id).toList());
        for (Pending c : chunk.values()) {
            boolean fresh = !stored.contains(c.id());
            if (!fresh) found++;
            else if (!problems.any()) {
                created++;
                batch.createCustomer(c.id(), c.key(), name(c.entries()));
            }
            run.customer(c.id(), fresh);
            c.entries().forEach(run::accept);
        }
        chunk.clear();
        batch.execute();
    }

    /** The customer's name as their first entry, their Customer, gives it, when it fits the column. */
    private static String name(List<AtomEntry> entries) {
        if (entries.isEmpty()) return null;
        for (AtomEntry.Content c : entries.get(0).contents()) {
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
