package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.retail.entity.CustomerKind;
import dev.gbconnect.custodian.retail.entity.CustomerResource;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One upload of customer information ({@code customer.xsd}), inside the caller's transaction. A resource finds its
 * parent the way usage children do ({@link ImportRun}): its {@code up} link names a collection the parent listed as
 * {@code related}, or the parent's own {@code self}; failing both, the nearest preceding resource of the parent
 * kind. Parents come before their children. A ServiceLocation's UsagePoints must be this customer's, named by the
 * self link they were uploaded with or by the id this server gave them.
 *
 * <p>Only ids, paths and counters are kept per entry, and only for the customer at hand: a bulk upload ({@link
 * BulkCustomerInfoRun}) moves the run from customer to customer, so its memory is one customer's. Where the rows go
 * is the {@link Store}'s: the entity layer, flushed and cleared every few hundred rows, for one customer's file;
 * JDBC batches ({@link CustomerInfoBatch}) for a bulk one.
 */
final class CustomerInfoRun implements EntrySink {

    static final String NAMESPACE = "http://naesb.org/espi/customer";

    private static final int FLUSH_EVERY = 500;

    /** A stored resource as its children need it. */
    private record Placed(String id, String path) {}

    /**
     * One resource as the file gives it, placed below its parent ({@code parentId} and {@code parentPath} null for a
     * Customer); {@code usagePoints}: the UsagePoints a ServiceLocation serves, null for other kinds. {@code fresh}: its
     * customer was created by this upload, so it is not stored yet.
     */
    record Resource(
            String customerId,
            boolean fresh,
            CustomerKind kind,
            String id,
            String parentId,
            String parentPath,
            AtomEntry entry,
            AtomEntry.Described content,
            Set<String> usagePoints) {

        String path() {
            return CustomerResource.path(kind, id, parentPath);
        }
    }

    /** Where resources go: the entity layer for one customer's upload, JDBC batches for a bulk one. */
    interface Store {
        /** Creates the resource or brings the stored one up to date. */
        ImportTally.Outcome store(Resource resource);

        /** After the last resource of a file without problems. */
        default void finish() {}
    }

    /** One customer's upload: few rows, through the entity layer like the usage import's. */
    static Store entities(EntityManager em) {
        return new Store() {
            private int pending;

            @Override
            public ImportTally.Outcome store(Resource r) {
                CustomerResource existing = r.fresh() ? null : em.find(CustomerResource.class, r.id());
                CustomerResource row =
                        existing != null ? existing : new CustomerResource(r.id(), r.kind(), r.customerId());
                AtomEntry entry = r.entry();
                boolean changed =
                        row.atom(entry.title(), entry.published(), entry.updated(), entry.atomId(), entry.self());
                changed |= row.content(r.content().xml(), r.content().fields());
                changed |= row.place(r.parentId(), r.parentPath());
                if (r.usagePoints() != null) changed |= row.usagePoints(r.usagePoints());
                if (existing == null) em.persist(row);
                if (++pending >= FLUSH_EVERY) {
                    em.flush();
                    em.clear();
                    pending = 0;
                }
                return ImportTally.Outcome.of(existing == null, changed);
            }

            @Override
            public void finish() {
                em.flush();
            }
        };
    }

    private final EntityManager em;
    private final Store store;
    private final Problems problems;
    private final Consumer<String> changedCustomers;
    private String customerId;
    /** The customer was created by this upload, so none of their resources is stored yet. */
    private boolean fresh;

    private boolean changed;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Placed> byHref = new HashMap<>();
    private final Map<CustomerKind, Placed> last = new EnumMap<>(CustomerKind.class);
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private Map<String, String> usagePoints;

    /**
     * {@code changedCustomers} hears the id of each customer already stored before whose resources this run changed;
     * {@code em} reads the customer's UsagePoints, which a ServiceLocation names.
     */
    CustomerInfoRun(EntityManager em, Store store, Problems problems, Consumer<String> changedCustomers) {
        this.em = em;
        this.store = store;
        this.problems = problems;
        this.changedCustomers = changedCustomers;
    }

    /** The entries from now on are this customer's; {@code fresh}: created by this upload. */
    void customer(String next, boolean fresh) {
        if (customerId != null) endCustomer();
        this.customerId = next;
        this.fresh = fresh;
        seen.clear();
        byHref.clear();
        last.clear();
        usagePoints = null;
    }

    private void endCustomer() {
        // A customer created by this upload has no Authorization yet, so no third party to tell.
        if (changed && !fresh) changedCustomers.accept(customerId);
        changed = false;
    }

    @Override
    public void accept(AtomEntry entry) {
        if (problems.overflowsColumns(entry)) return;
        String self = Hrefs.of(entry.self());
        for (int i = 0; i < entry.contents().size(); i++) {
            CustomerKind kind = kind(entry, entry.contents().get(i));
            if (kind == null) continue;
            String id = EntryIds.of(customerId, kind.espiName(), entry.atomId(), self, Integer.toString(i));
            if (!seen.add(id)) {
                problems.add(
                        entry,
                        "duplicate entry: id " + entry.atomId() + " with self link " + entry.self()
                                + " appears more than once in this file");
                continue;
            }
            Placed parent = kind.parent() == null ? null : parent(entry, kind.parent());
            if (kind.parent() != null && parent == null) continue;
            Placed placed = store(entry, (AtomEntry.Described) entry.contents().get(i), kind, id, parent);
            register(kind, self, placed);
            entry.related().forEach(r -> register(kind, Hrefs.of(r), placed));
            last.put(kind, placed);
        }
    }

    @Override
    public void finish() {
        if (customerId != null) endCustomer();
        if (!problems.any()) store.finish();
    }

    /** {@code customers}: the RetailCustomers a bulk upload created and found, listed first; null for one customer. */
    ImportReport report(ImportReport.Counts customers) {
        Map<String, ImportReport.Counts> out = new LinkedHashMap<>();
        if (customers != null) out.put("RetailCustomer", customers);
        counts.forEach((k, v) -> out.put(k, new ImportReport.Counts(v[0], v[1], v[2])));
        return new ImportReport(customers == null ? customerId : null, out, null);
    }

    private CustomerKind kind(AtomEntry entry, AtomEntry.Content content) {
        CustomerKind kind = content instanceof AtomEntry.Described d && NAMESPACE.equals(d.namespace())
                ? CustomerKind.named(d.element()).orElse(null)
                : null;
        if (kind == null) {
            problems.add(
                    entry,
                    "this upload takes the customer.xsd resources (" + CustomerKind.NAMES.replace("|", ", ")
                            + "); usage data goes to Batch/RetailCustomer/{id}/UsagePoint");
        }
        return kind;
    }

    private Placed store(AtomEntry entry, AtomEntry.Described d, CustomerKind kind, String id, Placed parent) {
        if (problems.any()) return new Placed(id, "");
        Set<String> served = kind == CustomerKind.SERVICE_LOCATION ? served(entry, d.xml()) : null;
        Resource resource = new Resource(
                customerId,
                fresh,
                kind,
                id,
                parent == null ? null : parent.id(),
                parent == null ? null : parent.path(),
                entry,
                d,
                served);
        ImportTally.Outcome outcome = store.store(resource);
        counts.computeIfAbsent(kind.espiName(), k -> new long[3])[outcome.ordinal()]++;
        this.changed |= outcome != ImportTally.Outcome.UNCHANGED;
        return new Placed(id, resource.path());
    }

    private Placed parent(AtomEntry entry, CustomerKind kind) {
        String up = Hrefs.of(entry.up());
        Placed parent = up == null ? null : byHref.get(kind + " " + up);
        if (parent == null && up != null) parent = byHref.get(kind + " " + parentOf(up));
        if (parent == null) parent = last.get(kind);
        if (parent == null) {
            problems.add(
                    entry,
                    "no " + kind.espiName() + " for this entry: its up link " + entry.up()
                            + " matches none in this file, and no " + kind.espiName() + " entry comes before it");
        }
        return parent;
    }

    /** The ids of the customer's UsagePoints the ServiceLocation names; an unknown one is a problem. */
    private Set<String> served(AtomEntry entry, byte[] xml) {
        Set<String> ids = new LinkedHashSet<>();
        for (String uri : ServedUsagePoints.of(xml)) {
            String id = usagePoints().get(Hrefs.of(uri));
            if (id == null) id = usagePoints().get(lastSegment(Hrefs.of(uri)));
            if (id != null) ids.add(id);
            else
                problems.add(
                        entry,
                        "the ServiceLocation names UsagePoint " + uri + ", which this customer does not have; "
                                + "upload the customer's usage data first");
        }
        return ids;
    }

    /** The customer's UsagePoints by the path of the self link they came with, and by their own id. */
    private Map<String, String> usagePoints() {
        if (usagePoints == null && fresh) usagePoints = new HashMap<>(); // a customer this upload created has none
        if (usagePoints == null) {
            usagePoints = new HashMap<>();
            em.createQuery("SELECT u.id, u.sourceHref FROM UsagePoint u WHERE u.customer.id = :c", Object[].class)
                    .setParameter("c", customerId)
                    .getResultList()
                    .forEach(r -> {
                        usagePoints.put((String) r[0], (String) r[0]);
                        String href = Hrefs.of((String) r[1]);
                        if (href != null) usagePoints.putIfAbsent(href, (String) r[0]);
                    });
        }
        return usagePoints;
    }

    private void register(CustomerKind kind, String href, Placed placed) {
        if (href != null) byHref.putIfAbsent(kind + " " + href, placed);
    }

    private static String parentOf(String href) {
        int slash = href.lastIndexOf('/');
        return slash < 0 ? "" : href.substring(0, slash);
    }

    private static String lastSegment(String href) {
        return href == null ? null : href.substring(href.lastIndexOf('/') + 1);
    }
}
