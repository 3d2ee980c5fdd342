package dev.gbconnect.custodian.ingest.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one upload did to each row: the counts of its report, and whether a given row changed. */
final class ImportTally {

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED;

        static Outcome of(boolean created, boolean changed) {
            return created ? CREATED : changed ? UPDATED : UNCHANGED;
        }
    }

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final long[] readings = new long[Outcome.values().length];
    private final Map<String, Outcome> outcomes = new HashMap<>();

    void count(String kind, Outcome outcome) {
        counts.computeIfAbsent(kind, k -> new long[Outcome.values().length])[outcome.ordinal()]++;
    }

    /** A described resource's outcome, counted and remembered for {@link #touched}. */
    void count(String kind, String id, Outcome outcome) {
        count(kind, outcome);
        outcomes.put(id, outcome);
    }

    void readings(Outcome outcome, int count) {
        readings[outcome.ordinal()] += count;
    }

    /** Did this upload create or change the row? */
    boolean touched(String id) {
        Outcome outcome = outcomes.get(id);
        return outcome != null && outcome != Outcome.UNCHANGED;
    }

    /** A row counted as unchanged changed after all (a link settled at the end). */
    void changedLater(String kind, String id) {
        if (outcomes.get(id) != Outcome.UNCHANGED) return;
        long[] c = counts.get(kind);
        c[Outcome.UNCHANGED.ordinal()]--;
        c[Outcome.UPDATED.ordinal()]++;
    }

    ImportReport report(String customerId) {
        Map<String, ImportReport.Counts> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, counts(v)));
        return new ImportReport(customerId, out, counts(readings));
    }

    private static ImportReport.Counts counts(long[] c) {
        return new ImportReport.Counts(c[0], c[1], c[2]);
    }
}
