package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.atom.EspiXml;
import java.util.Arrays;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Decides, without the general schema validator, that one {@code espi:IntervalReading} is valid against espi.xsd 4.0.
 * IntervalReadings are nearly all of a large file, and their type is small and closed, so checking them directly is
 * several times faster than the JDK validator. The check answers only "valid so far" or "not sure": anything
 * outside the plain form (attributes, namespace declarations, extensions, a '+' sign, more than 18 digits, text
 * where none belongs) is handed to the general validator, which then also words any error.
 *
 * <p>Handing over needs no recording of past events: everything accepted so far was valid, so {@link #replay}
 * shows the validator an equivalent valid prefix (the same elements, zeros for closed values), after which the
 * event the check was not sure of goes to the validator at its own location.
 *
 * <p>The structure checked, from espi.xsd 4.0: IntervalReading = cost?, ReadingQuality*, timePeriod?, value?,
 * consumptionTier?, tou?, cpp?; ReadingQuality = quality; timePeriod = duration, start.
 */
final class IntervalReadingCheck {

    private static final long INT48 = 140_737_488_355_328L;
    private static final char[] ZERO = {'0'};
    private static final AttributesImpl NONE = new AttributesImpl();

    /** Children of IntervalReading in schema order, then the leaves beneath ReadingQuality and timePeriod. */
    private enum Slot {
        COST("cost", -INT48, INT48),
        QUALITIES("ReadingQuality", 0, 0),
        TIME_PERIOD("timePeriod", 0, 0),
        VALUE("value", -INT48, INT48),
        TIER("consumptionTier", Short.MIN_VALUE, Short.MAX_VALUE),
        TOU("tou", Short.MIN_VALUE, Short.MAX_VALUE),
        CPP("cpp", Short.MIN_VALUE, Short.MAX_VALUE),
        QUALITY("quality", 0, 65_535),
        DURATION("duration", 0, 4_294_967_295L),
        START("start", Long.MIN_VALUE, Long.MAX_VALUE);

        final String element;
        final long min, max;

        Slot(String element, long min, long max) {
            this.element = element;
            this.min = min;
            this.max = max;
        }

        boolean complex() {
            return this == QUALITIES || this == TIME_PERIOD;
        }
    }

    private final char[] digits = new char[32];
    private int length;
    /** Open elements: the IntervalReading, then a child, then a grandchild. */
    private final Slot[] open = new Slot[3];

    private int depth;
    /** Children of the IntervalReading already closed, in order. */
    private Slot[] closed = new Slot[8];

    private int closedCount;
    /** Grandchildren of the open complex child already closed. */
    private int innerClosed;

    void reset() {
        depth = 0;
        closedCount = 0;
    }

    /** The start of an element; {@code plain} is false when it carries attributes or namespace declarations. */
    boolean start(String namespace, String local, boolean plain) {
        if (!plain || !EspiXml.ESPI.equals(namespace)) return false;
        if (depth == 0) {
            depth = 1;
            return true;
        }
        Slot slot = depth == 1 ? nextChild(local) : depth == 2 ? nextGrandchild(local) : null;
        if (slot == null) return false;
        if (depth == 1) innerClosed = 0;
        open[depth++] = slot;
        length = 0;
        return true;
    }

    /** The IntervalReading's child, if schema order allows it after those closed (only ReadingQuality repeats). */
    private Slot nextChild(String local) {
        Slot slot = child(local);
        Slot last = closedCount == 0 ? null : closed[closedCount - 1];
        if (slot == null || last != null && (slot.ordinal() < last.ordinal() || slot == last && slot != Slot.QUALITIES))
            return null;
        return slot;
    }

    /** ReadingQuality's one quality, or timePeriod's duration then start. */
    private Slot nextGrandchild(String local) {
        return switch (open[1]) {
            case QUALITIES -> "quality".equals(local) && innerClosed == 0 ? Slot.QUALITY : null;
            case TIME_PERIOD ->
                "duration".equals(local) && innerClosed == 0
                        ? Slot.DURATION
                        : "start".equals(local) && innerClosed == 1 ? Slot.START : null;
            default -> null;
        };
    }

    boolean text(char[] chars, int start, int count) {
        if (depth < 2 || open[depth - 1].complex()) return blank(chars, start, count);
        if (length + count > digits.length) return false;
        System.arraycopy(chars, start, digits, length, count);
        length += count;
        return true;
    }

    boolean end() {
        Slot slot = depth < 2 ? null : open[depth - 1];
        if (slot != null && !(slot.complex() ? innerClosed == (slot == Slot.QUALITIES ? 1 : 2) : inRange(slot)))
            return false;
        depth--;
        if (depth == 1) {
            if (closedCount == closed.length) closed = Arrays.copyOf(closed, closedCount * 2);
            closed[closedCount++] = slot;
        } else if (depth == 2) {
            innerClosed++;
        }
        return true;
    }

    /** True once the IntervalReading itself has ended. */
    boolean complete() {
        return depth == 0;
    }

    /** Shows {@code to} a valid equivalent of everything accepted so far; the elements still open stay open. */
    void replay(ContentHandler to) throws SAXException {
        startElement(to, "IntervalReading");
        for (int i = 0; i < closedCount; i++) closedElement(to, closed[i]);
        if (depth < 2) return;
        Slot child = open[1];
        startElement(to, child.element);
        if (child.complex()) {
            if (innerClosed > 0) closedElement(to, child == Slot.QUALITIES ? Slot.QUALITY : Slot.DURATION);
            if (innerClosed > 1) closedElement(to, Slot.START);
            if (depth < 3) return;
            startElement(to, open[2].element);
        }
        to.characters(digits, 0, length);
    }

    private static void closedElement(ContentHandler to, Slot slot) throws SAXException {
        startElement(to, slot.element);
        if (slot == Slot.QUALITIES) {
            closedElement(to, Slot.QUALITY);
        } else if (slot == Slot.TIME_PERIOD) {
            closedElement(to, Slot.DURATION);
            closedElement(to, Slot.START);
        } else {
            to.characters(ZERO, 0, 1);
        }
        to.endElement(EspiXml.ESPI, slot.element, slot.element);
    }

    private static void startElement(ContentHandler to, String local) throws SAXException {
        to.startElement(EspiXml.ESPI, local, local, NONE);
    }

    private static Slot child(String local) {
        return switch (local) {
            case "cost" -> Slot.COST;
            case "ReadingQuality" -> Slot.QUALITIES;
            case "timePeriod" -> Slot.TIME_PERIOD;
            case "value" -> Slot.VALUE;
            case "consumptionTier" -> Slot.TIER;
            case "tou" -> Slot.TOU;
            case "cpp" -> Slot.CPP;
            default -> null;
        };
    }

    /** Whole numbers of at most 18 digits with an optional minus sign, XML whitespace around: they fit a long. */
    private boolean inRange(Slot slot) {
        int i = 0, end = length;
        while (i < end && space(digits[i])) i++;
        while (end > i && space(digits[end - 1])) end--;
        boolean negative = i < end && digits[i] == '-';
        if (negative) {
            if (slot.min == 0) return false;
            i++;
        }
        if (i == end || end - i > 18) return false;
        long value = 0;
        for (; i < end; i++) {
            int d = digits[i] - '0';
            if (d < 0 || d > 9) return false;
            value = value * 10 + d;
        }
        if (negative) value = -value;
        return value >= slot.min && value <= slot.max;
    }

    private static boolean blank(char[] chars, int start, int count) {
        for (int i = start; i < start + count; i++) {
            if (!space(chars[i])) return false;
        }
        return true;
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
