package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.atom.EspiXml;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.usage.entity.ElectricPowerQualitySummary;
import dev.gbconnect.custodian.usage.entity.LocalTimeParameters;
import dev.gbconnect.custodian.usage.entity.MeterReading;
import dev.gbconnect.custodian.usage.entity.ReadingType;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import dev.gbconnect.custodian.usage.entity.UsageSummary;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One upload's pass over its entries, inside the caller's transaction: each entry checked, linked to its parent
 * ({@link ImportLinks}), written ({@link RowWriter}, which counts in {@link ImportTally}) and, when it brings new
 * data, noted for the notices ({@link ChangedSpans}). Only ids, hrefs and counters are kept per entry.
 */
final class ImportRun implements EntrySink {

    private final EntityManager em;
    private final RetailCustomer customer;
    private final Problems problems;
    private final Set<String> seen = new HashSet<>();
    private final ImportLinks links = new ImportLinks();
    private final ImportTally tally = new ImportTally();
    private final ChangedSpans spans = new ChangedSpans();
    private final RowWriter rows;

    ImportRun(EntityManager em, RetailCustomer customer, Problems problems) {
        this.em = em;
        this.customer = customer;
        this.problems = problems;
        this.rows = new RowWriter(em, problems, tally);
    }

    @Override
    public void accept(AtomEntry entry) {
        if (problems.overflowsColumns(entry)) return;
        String self = Hrefs.of(entry.self());
        for (int i = 0; i < entry.contents().size(); i++) {
            AtomEntry.Content content = entry.contents().get(i);
            String kind = content instanceof AtomEntry.Described d ? d.element() : "IntervalBlock";
            String id = EntryIds.of(customer.id(), kind, entry.atomId(), self, Integer.toString(i));
            if (!seen.add(id)) {
                problems.add(
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
            problems.add(
                    entry,
                    "{" + d.namespace() + "}" + d.element()
                            + " is not an ESPI usage resource; this upload takes usage data only");
            return;
        }
        switch (d.element()) {
            case "UsagePoint" -> usagePoint(entry, id, self, d);
            case "MeterReading" -> meterReading(entry, id, self, d);
            case "ReadingType" -> {
                rows.upsert(ReadingType.class, id, entry, d, x -> new ReadingType(x, customer));
                spans.sharedChanged(tally.touched(id));
                links.readingType(id, self, entry);
            }
            case "LocalTimeParameters" -> {
                rows.upsert(LocalTimeParameters.class, id, entry, d, x -> new LocalTimeParameters(x, customer));
                spans.sharedChanged(tally.touched(id));
                links.timeParameters(id, self, entry);
            }
            case "UsageSummary", "ElectricPowerUsageSummary", "ElectricPowerQualitySummary" -> summary(entry, id, d);
            default ->
                problems.add(
                        entry,
                        d.element() + " is not a usage resource this upload takes (UsagePoint, MeterReading, "
                                + "ReadingType, IntervalBlock, UsageSummary, ElectricPowerUsageSummary, ElectricPowerQualitySummary, LocalTimeParameters)");
        }
    }

    private void usagePoint(AtomEntry entry, String id, String self, AtomEntry.Described d) {
        rows.upsert(UsagePoint.class, id, entry, d, x -> new UsagePoint(x, customer));
        if (tally.touched(id)) spans.changed(id, UsageChanged.Span.UNDATED);
        links.usagePoint(id, self, entry.related());
    }

    private void meterReading(AtomEntry entry, String id, String self, AtomEntry.Described d) {
        String usagePoint = parent(entry, links.usagePointOf(entry), "UsagePoint");
        if (usagePoint == null) return;
        boolean created = rows.upsert(
                MeterReading.class,
                id,
                entry,
                d,
                x -> new MeterReading(x, em.getReference(UsagePoint.class, usagePoint)));
        if (tally.touched(id)) spans.changed(usagePoint, UsageChanged.Span.UNDATED);
        links.meterReading(id, self, entry.related(), new ImportLinks.MeterReadingSeen(usagePoint, entry, created));
    }

    private void summary(AtomEntry entry, String id, AtomEntry.Described d) {
        String usagePoint = parent(entry, links.usagePointOf(entry), "UsagePoint");
        if (usagePoint == null) return;
        if (d.element().equals("ElectricPowerQualitySummary")) {
            rows.upsert(
                    ElectricPowerQualitySummary.class,
                    id,
                    entry,
                    d,
                    x -> new ElectricPowerQualitySummary(x, em.getReference(UsagePoint.class, usagePoint)));
        } else {
            UsageSummary.Element element = UsageSummary.Element.valueOf(d.element());
            rows.upsert(
                    UsageSummary.class,
                    id,
                    entry,
                    d,
                    x -> new UsageSummary(x, em.getReference(UsagePoint.class, usagePoint), element));
        }
        if (tally.touched(id)) {
            spans.changed(
                    usagePoint,
                    entry.published() == null
                            ? UsageChanged.Span.UNDATED
                            : new UsageChanged.Span(entry.published(), entry.published()));
        }
    }

    private void block(AtomEntry entry, String id, AtomEntry.Block block) {
        String meterReading = parent(entry, links.meterReadingOf(entry), "MeterReading");
        if (meterReading == null) return;
        ImportLinks.MeterReadingSeen parent = links.seen(meterReading);
        if (rows.block(id, meterReading, parent.created(), entry, block)) {
            spans.changed(
                    parent.usagePoint(),
                    block.intervalStart() == null || block.intervalDuration() == null
                            ? UsageChanged.Span.UNDATED
                            : new UsageChanged.Span(
                                    Instant.ofEpochSecond(block.intervalStart()),
                                    Instant.ofEpochSecond(block.intervalStart() + block.intervalDuration())));
        }
    }

    /** Settles the links whose targets may have come after their owners; call once, after the last entry. */
    @Override
    public void finish() {
        if (problems.any()) return;
        // No clear: RowWriter keeps the context small, and the rows it still holds are the ones settled next, which
        // a cleared context would read again (four selects per nightly upload).
        em.flush();
        links.readingTypeLinks().forEach(this::settleReadingType);
        links.timeParameterLinks().forEach(this::settleTimeParameters);
        em.flush();
        spans.finish(links.timeParameterLinks().keySet());
    }

    private void settleReadingType(String meterReading, List<String> hrefs) {
        String type = links.readingTypeNamedIn(hrefs);
        MeterReading reading = em.find(MeterReading.class, meterReading);
        if (type == null) {
            if (reading.readingType() == null) {
                problems.add(
                        links.seen(meterReading).entry(),
                        "MeterReading " + reading.sourceHref() + " has no ReadingType: none of its related links "
                                + hrefs + " is the self link of a ReadingType entry");
            }
            return;
        }
        if (reading.readingType(em.getReference(ReadingType.class, type))) {
            spans.changed(links.seen(meterReading).usagePoint(), UsageChanged.Span.UNDATED);
            tally.changedLater("MeterReading", meterReading);
        }
    }

    private void settleTimeParameters(String usagePoint, List<String> hrefs) {
        String ltp = links.timeParametersNamedIn(hrefs);
        if (ltp != null)
            em.find(UsagePoint.class, usagePoint).localTimeParameters(em.getReference(LocalTimeParameters.class, ltp));
    }

    /** The usage points this upload created or changed; empty when it only repeated what was stored. */
    UsageChanged changes() {
        return spans.of(customer.id());
    }

    ImportReport report() {
        return tally.report(customer.id());
    }

    /** The parent found, or null after reporting that none fits. */
    private String parent(AtomEntry entry, String found, String kind) {
        if (found == null) {
            problems.add(
                    entry,
                    "no " + kind + " for this entry: its up link " + entry.up() + " matches none in this file, and no "
                            + kind + " entry comes before it");
        }
        return found;
    }
}
