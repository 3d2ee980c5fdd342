package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.atom.EspiXml;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.usage.entity.DescribedResource;
import dev.gbconnect.custodian.usage.entity.ElectricPowerQualitySummary;
import dev.gbconnect.custodian.usage.entity.IntervalBlock;
import dev.gbconnect.custodian.usage.entity.LocalTimeParameters;
import dev.gbconnect.custodian.usage.entity.MeterReading;
import dev.gbconnect.custodian.usage.entity.ReadingType;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import dev.gbconnect.custodian.usage.entity.UsageResource;
import dev.gbconnect.custodian.usage.entity.UsageSummary;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One upload's pass over its entries, inside the caller's transaction. Children find their parents the way real
 * files link them: the child's {@code up} link names a collection the parent listed as {@code related}, or the
 * parent's own {@code self}; failing both, the nearest preceding parent in document order. ReadingTypes and
 * LocalTimeParameters may come before or after the entries naming them, so those links are settled at the end.
 *
 * <p>Only ids, hrefs and counters are kept per entry; the persistence context is flushed and cleared every few
 * hundred rows, so memory does not grow with the file.
 */
final class ImportRun implements EntrySink {

    private static final int FLUSH_EVERY = 500;

    private final EntityManager em;
    private final RetailCustomer customer;
    private final Problems problems;

    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> usagePointByHref = new HashMap<>();
    private final Map<String, String> meterReadingByHref = new HashMap<>();
    private final Map<String, String> readingTypeByHref = new HashMap<>();
    private final Map<String, String> timeParametersByHref = new HashMap<>();
    /** Things named by links whose target may come later: owner id → hrefs it names. */
    private final Map<String, List<String>> meterReadingLinks = new LinkedHashMap<>();

    private final Map<String, List<String>> usagePointLinks = new LinkedHashMap<>();
    private final Map<String, String> meterReadingSelf = new HashMap<>();
    private final Map<String, AtomEntry> meterReadingEntry = new HashMap<>();
    private final Set<String> newMeterReadings = new HashSet<>();
    private final Map<String, String> lastOutcome = new HashMap<>();
    private final Map<String, String> usagePointOf = new HashMap<>();
    /** What notices of new data are made of: each usage point with new or changed data, and the time it covers. */
    private final Map<String, UsageChanged.Span> changed = new LinkedHashMap<>();

    private boolean sharedChanged;

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final long[] readings = new long[3];
    private String lastUsagePoint, lastMeterReading;
    private int pending;

    ImportRun(EntityManager em, RetailCustomer customer, Problems problems) {
        this.em = em;
        this.customer = customer;
        this.problems = problems;
    }

    @Override
    public void accept(AtomEntry entry) {
        if (tooLong(entry, "title", entry.title(), UsageResource.TITLE_LENGTH)
                | tooLong(entry, "id", entry.atomId(), UsageResource.SOURCE_ID_LENGTH)
                | tooLong(entry, "self link", entry.self(), UsageResource.SOURCE_HREF_LENGTH)) {
            return;
        }
        String self = href(entry.self());
        for (int i = 0; i < entry.contents().size(); i++) {
            AtomEntry.Content content = entry.contents().get(i);
            String kind = content instanceof AtomEntry.Described d ? d.element() : "IntervalBlock";
            String id = EntryIds.of(customer.id(), kind, entry.atomId(), self, Integer.toString(i));
            if (!seen.add(id)) {
                problem(
                        entry,
                        "duplicate entry: id " + entry.atomId() + " with self link " + entry.self()
                                + " appears more than once in this file");
                continue;
            }
            if (content instanceof AtomEntry.Block block) {
                block(entry, id, block);
            } else {
                described(entry, id, self, (AtomEntry.Described) content);
            }
        }
    }

    private void described(AtomEntry entry, String id, String self, AtomEntry.Described d) {
        if (!EspiXml.ESPI.equals(d.namespace())) {
            problem(
                    entry,
                    "{" + d.namespace() + "}" + d.element()
                            + " is not an ESPI usage resource; this upload takes usage data only");
            return;
        }
        switch (d.element()) {
            case "UsagePoint" -> {
                upsert(UsagePoint.class, id, entry, d, x -> new UsagePoint(x, customer));
                if (touched(id)) changed(id, UsageChanged.Span.UNDATED);
                lastUsagePoint = id;
                lastMeterReading = null;
                register(usagePointByHref, self, id);
                entry.related().forEach(r -> register(usagePointByHref, href(r), id));
                usagePointLinks.put(id, new ArrayList<>(entry.related()));
            }
            case "MeterReading" -> {
                String parent = parent(entry, usagePointByHref, lastUsagePoint, "UsagePoint");
                if (parent == null) return;
                boolean created = upsert(
                        MeterReading.class,
                        id,
                        entry,
                        d,
                        x -> new MeterReading(x, em.getReference(UsagePoint.class, parent)));
                if (created) newMeterReadings.add(id);
                usagePointOf.put(id, parent);
                if (touched(id)) changed(parent, UsageChanged.Span.UNDATED);
                lastMeterReading = id;
                register(meterReadingByHref, self, id);
                entry.related().forEach(r -> register(meterReadingByHref, href(r), id));
                meterReadingLinks.put(id, new ArrayList<>(entry.related()));
                meterReadingEntry.put(id, entry);
                if (self != null) meterReadingSelf.put(self, id);
            }
            case "ReadingType" -> {
                upsert(ReadingType.class, id, entry, d, x -> new ReadingType(x, customer));
                sharedChanged |= touched(id);
                register(readingTypeByHref, self, id);
                // Some files point from the ReadingType up to its MeterReading instead of the other way round.
                String owner = meterReadingSelf.get(href(entry.up()));
                if (owner != null)
                    meterReadingLinks
                            .computeIfAbsent(owner, k -> new ArrayList<>())
                            .add(entry.self());
            }
            case "LocalTimeParameters" -> {
                upsert(LocalTimeParameters.class, id, entry, d, x -> new LocalTimeParameters(x, customer));
                sharedChanged |= touched(id);
                register(timeParametersByHref, self, id);
                String owner = usagePointByHref.get(href(entry.up()));
                if (owner != null)
                    usagePointLinks
                            .computeIfAbsent(owner, k -> new ArrayList<>())
                            .add(entry.self());
            }
            case "UsageSummary", "ElectricPowerUsageSummary" -> {
                String parent = parent(entry, usagePointByHref, lastUsagePoint, "UsagePoint");
                if (parent == null) return;
                UsageSummary.Element element = UsageSummary.Element.valueOf(d.element());
                upsert(
                        UsageSummary.class,
                        id,
                        entry,
                        d,
                        x -> new UsageSummary(x, em.getReference(UsagePoint.class, parent), element));
                summaryChanged(id, parent, entry);
            }
            case "ElectricPowerQualitySummary" -> {
                String parent = parent(entry, usagePointByHref, lastUsagePoint, "UsagePoint");
                if (parent == null) return;
                upsert(
                        ElectricPowerQualitySummary.class,
                        id,
                        entry,
                        d,
                        x -> new ElectricPowerQualitySummary(x, em.getReference(UsagePoint.class, parent)));
                summaryChanged(id, parent, entry);
            }
            default ->
                problem(
                        entry,
                        d.element() + " is not a usage resource this upload takes (UsagePoint, MeterReading, "
                                + "ReadingType, IntervalBlock, UsageSummary, ElectricPowerUsageSummary, ElectricPowerQualitySummary, LocalTimeParameters)");
        }
    }

    /** Answers true when the row was created. */
    private <T extends DescribedResource> boolean upsert(
            Class<T> type, String id, AtomEntry entry, AtomEntry.Described d, Function<String, T> create) {
        if (problems.any()) return false;
        T existing = em.find(type, id);
        boolean created = existing == null;
        T row = created ? create.apply(id) : existing;
        boolean changed = row.atom(entry.title(), entry.published(), entry.updated(), entry.atomId(), entry.self());
        changed |= row.content(d.xml(), d.fields());
        if (created) em.persist(row);
        String kind = type == UsageSummary.class ? d.element() : type.getSimpleName();
        count(kind, created ? 0 : changed ? 1 : 2);
        lastOutcome.put(id, created ? "created" : changed ? "updated" : "unchanged");
        wrote();
        return created;
    }

    private void block(AtomEntry entry, String id, AtomEntry.Block block) {
        String parent = parent(entry, meterReadingByHref, lastMeterReading, "MeterReading");
        if (parent == null || problems.any()) return;
        // A MeterReading created by this upload has no stored blocks: skip the lookup.
        IntervalBlock existing = newMeterReadings.contains(parent) ? null : em.find(IntervalBlock.class, id);
        boolean created = existing == null;
        IntervalBlock row = created ? new IntervalBlock(id, em.getReference(MeterReading.class, parent)) : existing;
        boolean changed = row.atom(entry.title(), entry.published(), entry.updated(), entry.atomId(), entry.self());
        boolean readingsChanged =
                row.readings(block.intervalStart(), block.intervalDuration(), block.readingCount(), block.packed());
        changed |= readingsChanged;
        if (created) em.persist(row);
        int outcome = created ? 0 : changed ? 1 : 2;
        count("IntervalBlock", outcome);
        readings[created ? 0 : readingsChanged ? 1 : 2] += block.readingCount();
        // New or changed readings only: a block sent again with new Atom dates only is no new data for a third party.
        if (created || readingsChanged) {
            changed(
                    usagePointOf.get(parent),
                    block.intervalStart() == null || block.intervalDuration() == null
                            ? UsageChanged.Span.UNDATED
                            : new UsageChanged.Span(
                                    Instant.ofEpochSecond(block.intervalStart()),
                                    Instant.ofEpochSecond(block.intervalStart() + block.intervalDuration())));
        }
        wrote();
    }

    /** Settles the links whose targets may have come after their owners; call once, after the last entry. */
    @Override
    public void finish() {
        if (problems.any()) return;
        em.flush();
        em.clear();
        meterReadingLinks.forEach((mr, hrefs) -> {
            String type = first(hrefs, readingTypeByHref);
            MeterReading reading = em.find(MeterReading.class, mr);
            if (type == null) {
                if (reading.readingType() == null) {
                    problem(
                            meterReadingEntry.get(mr),
                            "MeterReading " + reading.sourceHref() + " has no ReadingType: none of its related links "
                                    + hrefs + " is the self link of a ReadingType entry");
                }
                return;
            }
            if (reading.readingType(em.getReference(ReadingType.class, type))) {
                changed(usagePointOf.get(mr), UsageChanged.Span.UNDATED);
                if ("unchanged".equals(lastOutcome.get(mr))) recount("MeterReading");
            }
        });
        usagePointLinks.forEach((up, hrefs) -> {
            String ltp = first(hrefs, timeParametersByHref);
            if (ltp != null)
                em.find(UsagePoint.class, up).localTimeParameters(em.getReference(LocalTimeParameters.class, ltp));
        });
        em.flush();
        // A changed ReadingType or LocalTimeParameters may be shared by every usage point of the file.
        if (sharedChanged) usagePointLinks.keySet().forEach(up -> changed(up, UsageChanged.Span.UNDATED));
    }

    /** The usage points this upload created or changed; empty when it only repeated what was stored. */
    UsageChanged changes() {
        return new UsageChanged(customer.id(), Map.copyOf(changed));
    }

    ImportReport report() {
        Map<String, ImportReport.Counts> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, new ImportReport.Counts(v[0], v[1], v[2])));
        return new ImportReport(customer.id(), out, new ImportReport.Counts(readings[0], readings[1], readings[2]));
    }

    private String parent(AtomEntry entry, Map<String, String> byHref, String previous, String kind) {
        String up = href(entry.up());
        String parent = up == null ? null : byHref.get(up);
        if (parent == null && up != null) parent = byHref.get(withoutLastSegment(up));
        if (parent == null) parent = previous;
        if (parent == null) {
            problem(
                    entry,
                    "no " + kind + " for this entry: its up link " + entry.up() + " matches none in this file, and no "
                            + kind + " entry comes before it");
        }
        return parent;
    }

    private boolean touched(String id) {
        String outcome = lastOutcome.get(id);
        return outcome != null && !"unchanged".equals(outcome);
    }

    private void summaryChanged(String id, String usagePoint, AtomEntry entry) {
        if (touched(id)) {
            changed(
                    usagePoint,
                    entry.published() == null
                            ? UsageChanged.Span.UNDATED
                            : new UsageChanged.Span(entry.published(), entry.published()));
        }
    }

    private void changed(String usagePoint, UsageChanged.Span span) {
        if (usagePoint != null) changed.merge(usagePoint, span, UsageChanged.Span::union);
    }

    private void wrote() {
        if (++pending >= FLUSH_EVERY) {
            em.flush();
            em.clear();
            pending = 0;
        }
    }

    private void count(String kind, int outcome) {
        counts.computeIfAbsent(kind, k -> new long[3])[outcome]++;
    }

    private void recount(String kind) {
        long[] c = counts.get(kind);
        c[2]--;
        c[1]++;
    }

    private boolean tooLong(AtomEntry entry, String what, String value, int max) {
        if (value == null || value.length() <= max) return false;
        problem(
                entry,
                "the entry's " + what + " has " + value.length() + " characters; at most " + max + " are stored");
        return true;
    }

    private void problem(AtomEntry entry, String message) {
        problems.add(entry.line(), entry.column(), message);
    }

    private static void register(Map<String, String> map, String href, String id) {
        if (href != null) map.putIfAbsent(href, id);
    }

    private static String first(List<String> hrefs, Map<String, String> targets) {
        for (String h : hrefs) {
            String id = targets.get(href(h));
            if (id != null) return id;
        }
        return null;
    }

    /**
     * Links compare by path alone: files mix absolute and relative forms of the same link, and an export's host
     * name says nothing about identity.
     */
    static String href(String href) {
        if (href == null || href.isBlank()) return null;
        String h = href.strip();
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            int path = h.indexOf('/', scheme + 3);
            h = path < 0 ? "" : h.substring(path);
        }
        int start = 0, end = h.length();
        while (start < end && h.charAt(start) == '/') start++;
        while (end > start && h.charAt(end - 1) == '/') end--;
        return h.substring(start, end);
    }

    private static String withoutLastSegment(String href) {
        int slash = href.lastIndexOf('/');
        return slash < 0 ? "" : href.substring(0, slash);
    }
}
