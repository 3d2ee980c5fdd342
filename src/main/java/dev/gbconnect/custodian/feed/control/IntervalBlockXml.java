package dev.gbconnect.custodian.feed.control;

import dev.gbconnect.custodian.usage.entity.PackedReadings;

/**
 * Writes a stored IntervalBlock back as ESPI XML text, elements in the order espi.xsd 4.0 prescribes. Text rather
 * than StAX events because readings are the bulk of every feed: a year of 15-minute data is 35,040 of them, and
 * only digits and fixed element names are written. Stored extension elements are self-contained fragments
 * (they declare their own namespaces), so they are copied verbatim.
 */
public final class IntervalBlockXml {

    private static final String OPEN = "<IntervalBlock xmlns=\"" + EspiXml.ESPI + "\">";

    private IntervalBlockXml() {
    }

    /**
     * Appends the block, keeping only readings that lie within {@code [from, to)} (epoch seconds; null for an open
     * end). When readings are left out, the block's interval shrinks to the ones kept. Answers false, having
     * appended nothing, when the bounds leave no reading of a block that had some.
     */
    public static boolean write(StringBuilder out, byte[] packed, Long from, Long to) {
        PackedReadings.Cursor c = new PackedReadings.Cursor(packed);
        boolean whole = (from == null && to == null) || (c.hasInterval()
                && (from == null || c.intervalStart() >= from) && (to == null || c.intervalStart() + c.intervalDuration() <= to));
        if (whole) {
            head(out, c, c.intervalStart(), c.intervalDuration());
            readings(out, c, null, null, null);
            out.append("</IntervalBlock>");
            return true;
        }
        StringBuilder kept = new StringBuilder(c.count() * 128);
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        int n = readings(kept, c, from, to, span);
        if (n == 0 && c.count() > 0) return false;
        long start = span[0] == Long.MAX_VALUE ? c.intervalStart() : span[0];
        long duration = span[0] == Long.MAX_VALUE ? c.intervalDuration() : span[1] - span[0];
        head(out, c, start, duration);
        out.append(kept).append("</IntervalBlock>");
        return true;
    }

    private static void head(StringBuilder out, PackedReadings.Cursor c, long start, long duration) {
        out.append(OPEN);
        fragment(out, c.blockPrefixXml());
        if (c.hasInterval()) period(out, "interval", c.intervalExtensionXml(), duration, start);
    }

    /** Appends the readings within the bounds; {@code span} (when given) collects the first start and last end kept. */
    private static int readings(StringBuilder out, PackedReadings.Cursor c, Long from, Long to, long[] span) {
        int n = 0;
        while (c.next()) {
            if (c.hasTimePeriod()) {
                long end = c.start() + c.duration();
                if ((from != null && c.start() < from) || (to != null && end > to)) continue;
                if (span != null) {
                    span[0] = Math.min(span[0], c.start());
                    span[1] = Math.max(span[1], end);
                }
            }
            n++;
            out.append("<IntervalReading>");
            fragment(out, c.readingExtensionXml());
            if (c.hasCost()) leaf(out, "cost", c.cost());
            for (int i = 0; i < c.qualityCount(); i++) {
                out.append("<ReadingQuality>");
                fragment(out, c.qualityExtensionXml(i));
                leaf(out, "quality", c.qualityCode(i));
                out.append("</ReadingQuality>");
            }
            if (c.hasTimePeriod()) period(out, "timePeriod", c.timePeriodExtensionXml(), c.duration(), c.start());
            if (c.hasValue()) leaf(out, "value", c.value());
            if (c.hasConsumptionTier()) leaf(out, "consumptionTier", c.consumptionTier());
            if (c.hasTou()) leaf(out, "tou", c.tou());
            if (c.hasCpp()) leaf(out, "cpp", c.cpp());
            out.append("</IntervalReading>");
        }
        return n;
    }

    private static void period(StringBuilder out, String name, String extension, long duration, long start) {
        out.append('<').append(name).append('>');
        fragment(out, extension);
        leaf(out, "duration", duration);
        leaf(out, "start", start);
        out.append("</").append(name).append('>');
    }

    private static void leaf(StringBuilder out, String name, long value) {
        out.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
    }

    private static void fragment(StringBuilder out, String xml) {
        if (xml != null) out.append(xml);
    }
}
