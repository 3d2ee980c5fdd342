package dev.gbconnect.custodian.feed.control.document;

import dev.gbconnect.custodian.atom.Bytes;
import dev.gbconnect.custodian.atom.EspiXml;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import dev.gbconnect.custodian.platform.Metrics;
import dev.gbconnect.custodian.usage.entity.PackedReadings;

/**
 * Writes a stored IntervalBlock back as ESPI XML bytes, elements in the order espi.xsd 4.0 prescribes. Bytes rather
 * than StAX events because readings are the bulk of every feed: a year of 15-minute data is 35,040 of them, and
 * only digits and fixed element names are written. Stored extension elements are self-contained fragments
 * (they declare their own namespaces), so they are copied verbatim.
 */
public final class IntervalBlockXml {

    private static final byte[] OPEN = Bytes.ascii("<IntervalBlock xmlns=\"" + EspiXml.ESPI + "\">"),
            CLOSE = Bytes.ascii("</IntervalBlock>"),
            READING = Bytes.ascii("<IntervalReading>"),
            READING_END = Bytes.ascii("</IntervalReading>"),
            QUALITY = Bytes.ascii("<ReadingQuality>"),
            QUALITY_END = Bytes.ascii("</ReadingQuality>");
    private static final Tag INTERVAL = new Tag("interval"),
            TIME_PERIOD = new Tag("timePeriod"),
            DURATION = new Tag("duration"),
            START = new Tag("start"),
            COST = new Tag("cost"),
            QUALITY_CODE = new Tag("quality"),
            VALUE = new Tag("value"),
            TIER = new Tag("consumptionTier"),
            TOU = new Tag("tou"),
            CPP = new Tag("cpp");

    /** An element's opening and closing tags, encoded once. */
    private record Tag(byte[] open, byte[] close) {
        Tag(String name) {
            this(Bytes.ascii("<" + name + ">"), Bytes.ascii("</" + name + ">"));
        }
    }

    private IntervalBlockXml() {}

    /**
     * Appends the block, keeping only readings that lie within the reach's time. When readings are left out, the
     * block's interval shrinks to the ones kept. Answers false, having appended nothing, when the bounds leave no
     * reading of a block that had some.
     */
    public static boolean write(Bytes out, byte[] packed, Reach reach) {
        PackedReadings.Cursor c = new PackedReadings.Cursor(packed);
        boolean whole = !reach.timeBounded()
                || (c.hasInterval() && reach.covers(c.intervalStart(), c.intervalStart() + c.intervalDuration()));
        if (whole) {
            head(out, c, c.intervalStart(), c.intervalDuration());
            Metrics.feedReadings(readings(out, c, Reach.EVERYTHING, null));
            out.append(CLOSE);
            return true;
        }
        Bytes kept = new Bytes(c.count() * 128 + 16);
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        int n = readings(kept, c, reach, span);
        if (n == 0 && c.count() > 0) return false;
        Metrics.feedReadings(n);
        long start = span[0] == Long.MAX_VALUE ? c.intervalStart() : span[0];
        long duration = span[0] == Long.MAX_VALUE ? c.intervalDuration() : span[1] - span[0];
        head(out, c, start, duration);
        out.append(kept).append(CLOSE);
        return true;
    }

    private static void head(Bytes out, PackedReadings.Cursor c, long start, long duration) {
        out.append(OPEN);
        fragment(out, c.blockPrefixXml());
        if (c.hasInterval()) period(out, INTERVAL, c.intervalExtensionXml(), duration, start);
    }

    /** Appends the readings within the bounds; {@code span} (when given) collects the first start and last end kept. */
    private static int readings(Bytes out, PackedReadings.Cursor c, Reach reach, long[] span) {
        int n = 0;
        while (c.next()) {
            if (c.hasTimePeriod()) {
                long end = c.start() + c.duration();
                if (!reach.covers(c.start(), end)) continue;
                if (span != null) {
                    span[0] = Math.min(span[0], c.start());
                    span[1] = Math.max(span[1], end);
                }
            }
            n++;
            out.append(READING);
            fragment(out, c.readingExtensionXml());
            if (c.hasCost()) leaf(out, COST, c.cost());
            for (int i = 0; i < c.qualityCount(); i++) {
                out.append(QUALITY);
                fragment(out, c.qualityExtensionXml(i));
                leaf(out, QUALITY_CODE, c.qualityCode(i));
                out.append(QUALITY_END);
            }
            if (c.hasTimePeriod()) period(out, TIME_PERIOD, c.timePeriodExtensionXml(), c.duration(), c.start());
            if (c.hasValue()) leaf(out, VALUE, c.value());
            if (c.hasConsumptionTier()) leaf(out, TIER, c.consumptionTier());
            if (c.hasTou()) leaf(out, TOU, c.tou());
            if (c.hasCpp()) leaf(out, CPP, c.cpp());
            out.append(READING_END);
        }
        return n;
    }

    private static void period(Bytes out, Tag tag, String extension, long duration, long start) {
        out.append(tag.open());
        fragment(out, extension);
        leaf(out, DURATION, duration);
        leaf(out, START, start);
        out.append(tag.close());
    }

    private static void leaf(Bytes out, Tag tag, long value) {
        out.append(tag.open()).number(value).append(tag.close());
    }

    private static void fragment(Bytes out, String xml) {
        if (xml != null) out.utf8(xml);
    }
}
