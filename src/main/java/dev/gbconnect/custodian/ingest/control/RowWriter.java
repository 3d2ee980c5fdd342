package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.usage.entity.DescribedResource;
import dev.gbconnect.custodian.usage.entity.IntervalBlock;
import dev.gbconnect.custodian.usage.entity.MeterReading;
import dev.gbconnect.custodian.usage.entity.UsageSummary;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes an upload's rows, creating or updating each, and counts what it did. Once the upload has a problem nothing
 * more is written (the transaction rolls back anyway). The persistence context is flushed and cleared every few
 * hundred rows, so memory does not grow with the file.
 */
final class RowWriter {

    private static final int FLUSH_EVERY = 500;

    /**
     * The stored element is compared with the uploaded one for every resource a file repeats (a nightly delivery
     * repeats all but its IntervalBlock), so it is read with the row: EclipseLink's default fetch group leaves the
     * lazy CONTENT out and fetched it with a second select per resource (docs/performance.md, nightly delivery).
     */
    private static final Map<String, Object> WITH_CONTENT = Map.of("eclipselink.fetch-group.default", "false");

    private final EntityManager em;
    private final Problems problems;
    private final ImportTally tally;
    private int pending;

    RowWriter(EntityManager em, Problems problems, ImportTally tally) {
        this.em = em;
        this.problems = problems;
        this.tally = tally;
    }

    /** Answers true when the row was created. */
    <T extends DescribedResource> boolean upsert(
            Class<T> type, String id, AtomEntry entry, AtomEntry.Described d, Function<String, T> create) {
        if (problems.any()) return false;
        T existing = em.find(type, id, WITH_CONTENT);
        boolean created = existing == null;
        T row = created ? create.apply(id) : existing;
        boolean changed = row.atom(entry.title(), entry.published(), entry.updated(), entry.atomId(), entry.self());
        changed |= row.content(d.xml(), d.fields());
        if (created) em.persist(row);
        String kind = type == UsageSummary.class ? d.element() : type.getSimpleName();
        tally.count(kind, id, ImportTally.Outcome.of(created, changed));
        wrote();
        return created;
    }

    /**
     * Answers true when the block's readings are new or changed: a block sent again with new Atom dates only is no
     * new data for a third party.
     */
    boolean block(String id, String meterReading, boolean newMeterReading, AtomEntry entry, AtomEntry.Block block) {
        if (problems.any()) return false;
        // A MeterReading created by this upload has no stored blocks: skip the lookup.
        IntervalBlock existing = newMeterReading ? null : em.find(IntervalBlock.class, id);
        boolean created = existing == null;
        IntervalBlock row =
                created ? new IntervalBlock(id, em.getReference(MeterReading.class, meterReading)) : existing;
        boolean changed = row.atom(entry.title(), entry.published(), entry.updated(), entry.atomId(), entry.self());
        boolean readingsChanged =
                row.readings(block.intervalStart(), block.intervalDuration(), block.readingCount(), block.packed());
        changed |= readingsChanged;
        if (created) em.persist(row);
        tally.count("IntervalBlock", ImportTally.Outcome.of(created, changed));
        tally.readings(ImportTally.Outcome.of(created, readingsChanged), block.readingCount());
        wrote();
        return created || readingsChanged;
    }

    private void wrote() {
        if (++pending >= FLUSH_EVERY) {
            em.flush();
            em.clear();
            pending = 0;
        }
    }
}
