package dev.gbconnect.custodian.ingest.control;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What notices of new data are made of: each usage point with new or changed data, and the time it covers. */
final class ChangedSpans {

    private final Map<String, UsageChanged.Span> changed = new LinkedHashMap<>();
    private boolean sharedChanged;

    void changed(String usagePoint, UsageChanged.Span span) {
        if (usagePoint != null) changed.merge(usagePoint, span, UsageChanged.Span::union);
    }

    /** A ReadingType or LocalTimeParameters changed: they may be shared by every usage point of the file. */
    void sharedChanged(boolean changed) {
        sharedChanged |= changed;
    }

    void finish(Collection<String> usagePoints) {
        if (sharedChanged) usagePoints.forEach(up -> changed(up, UsageChanged.Span.UNDATED));
    }

    UsageChanged of(String customerId) {
        return new UsageChanged(customerId, Map.copyOf(changed));
    }
}
