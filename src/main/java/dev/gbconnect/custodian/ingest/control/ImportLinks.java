package dev.gbconnect.custodian.ingest.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the entries of one upload link to each other. Children find their parents the way real files link them: the
 * child's {@code up} link names a collection the parent listed as {@code related}, or the parent's own {@code self};
 * failing both, the nearest preceding parent in document order. ReadingTypes and LocalTimeParameters may come before
 * or after the entries naming them, so those links are kept here and settled at the end. Only ids and hrefs are kept.
 */
final class ImportLinks {

    /** A MeterReading of this upload: its usage point, its entry (for problems found at the end), new or stored. */
    record MeterReadingSeen(String usagePoint, AtomEntry entry, boolean created) {}

    private final ParentIndex usagePoints = new ParentIndex();
    private final ParentIndex meterReadings = new ParentIndex();
    private final Map<String, MeterReadingSeen> meterReadingsSeen = new HashMap<>();
    private final Map<String, String> readingTypes = new HashMap<>();
    private final Map<String, String> timeParameters = new HashMap<>();

    void usagePoint(String id, String self, List<String> related) {
        usagePoints.add(id, self, related);
        meterReadings.forgetLast();
    }

    void meterReading(String id, String self, List<String> related, MeterReadingSeen seen) {
        meterReadings.add(id, self, related);
        meterReadingsSeen.put(id, seen);
    }

    /** Some files point from the ReadingType up to its MeterReading instead of the other way round. */
    void readingType(String id, String self, AtomEntry entry) {
        Hrefs.register(readingTypes, self, id);
        String owner = meterReadings.bySelf(Hrefs.of(entry.up()));
        if (owner != null) meterReadings.alsoNamed(owner, entry.self());
    }

    void timeParameters(String id, String self, AtomEntry entry) {
        Hrefs.register(timeParameters, self, id);
        String owner = usagePoints.byLink(Hrefs.of(entry.up()));
        if (owner != null) usagePoints.alsoNamed(owner, entry.self());
    }

    /** The entry's UsagePoint, or null when none fits. */
    String usagePointOf(AtomEntry entry) {
        return usagePoints.parentOf(Hrefs.of(entry.up()));
    }

    /** The entry's MeterReading, or null when none fits. */
    String meterReadingOf(AtomEntry entry) {
        return meterReadings.parentOf(Hrefs.of(entry.up()));
    }

    MeterReadingSeen seen(String meterReading) {
        return meterReadingsSeen.get(meterReading);
    }

    /** MeterReading id → the links it names, one of which should be its ReadingType's. */
    Map<String, List<String>> readingTypeLinks() {
        return meterReadings.named();
    }

    /** UsagePoint id → the links it names, one of which may be its LocalTimeParameters'. */
    Map<String, List<String>> timeParameterLinks() {
        return usagePoints.named();
    }

    String readingTypeNamedIn(List<String> hrefs) {
        return Hrefs.first(hrefs, readingTypes);
    }

    String timeParametersNamedIn(List<String> hrefs) {
        return Hrefs.first(hrefs, timeParameters);
    }
}
