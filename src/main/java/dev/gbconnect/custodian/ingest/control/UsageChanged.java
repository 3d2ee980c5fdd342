package dev.gbconnect.custodian.ingest.control;

import java.time.Instant;
import java.util.Map;

/**
 * Fired inside an upload's transaction once the file is accepted: the usage points it created or changed, each with
 * the span of time its new or changed data covers. Observers write in the same transaction, so what they record
 * exists exactly when the data does.
 */
public record UsageChanged(String customerId, Map<String, Span> usagePoints) {

    /**
     * Readings cover {@code [start, end]}; a summary counts at its published instant. {@link #UNDATED} is a change of
     * descriptions only (a UsagePoint, MeterReading or ReadingType), which has no time of its own.
     */
    public record Span(Instant start, Instant end) {

        public static final Span UNDATED = new Span(null, null);

        public boolean dated() {
            return start != null;
        }

        public Span union(Span other) {
            if (!other.dated()) return this;
            if (!dated()) return other;
            return new Span(
                    start.isBefore(other.start) ? start : other.start, end.isAfter(other.end) ? end : other.end);
        }
    }
}
