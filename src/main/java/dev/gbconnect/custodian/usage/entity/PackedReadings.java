package dev.gbconnect.custodian.usage.entity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The readings of one IntervalBlock packed into one byte array, so a year of 15-minute data is a few hundred rows
 * instead of 35,040: one row per reading caps Derby near 38k inserts/s, one row per block passes 1.5M/s.
 *
 * <p>Every element espi.xsd 4.0 allows in an IntervalBlock survives: per reading cost, ReadingQuality codes,
 * timePeriod, value, consumptionTier, tou and cpp; the rare {@code extension} elements (and the block's
 * {@code batchItemInfo}) are kept as XML text at the position the schema gives them. Times are delta-encoded
 * against the end of the previous reading, numbers as zig-zag varints: regular 15-minute data costs about five
 * bytes a reading.
 *
 * <p>Layout: version byte; header flags; [block prefix XML]; [interval start, duration]; [interval extension XML];
 * reading count; then per reading its flags and the present fields in schema order.
 */
public final class PackedReadings {

    static final int VERSION = 1;

    static final int BLOCK_PREFIX = 1, BLOCK_INTERVAL = 2, BLOCK_INTERVAL_EXT = 4;
    static final int TIME_PERIOD = 1,
            VALUE = 2,
            COST = 4,
            QUALITIES = 8,
            TIER = 16,
            TOU = 32,
            CPP = 64,
            READING_EXT = 128,
            TIME_PERIOD_EXT = 256;

    private PackedReadings() {}

    /** Collects one block's readings in document order; reusable after {@link #finish()}. */
    public static final class Builder {
        private final Sink header = new Sink(64);
        private final Sink body = new Sink(4096);
        private int headerFlags;
        private String prefixXml, intervalExt;
        private long intervalStart, intervalDuration;
        private long expectedStart;
        private int count;

        // the reading being built
        private int flags;
        private long cost, tpStart, tpDuration, value, tier, tou, cpp;
        private String readingExt, timePeriodExt;
        private int qualityCount;
        private int[] qualityCodes = new int[4];
        private String[] qualityExts = new String[4];

        public void blockPrefix(String xml) {
            prefixXml = xml;
            headerFlags |= BLOCK_PREFIX;
        }

        public void interval(long start, long duration, String extensionXml) {
            intervalStart = start;
            intervalDuration = duration;
            expectedStart = start;
            headerFlags |= BLOCK_INTERVAL;
            if (extensionXml != null) {
                intervalExt = extensionXml;
                headerFlags |= BLOCK_INTERVAL_EXT;
            }
        }

        public void readingExtension(String xml) {
            readingExt = xml;
            flags |= READING_EXT;
        }

        public void cost(long v) {
            cost = v;
            flags |= COST;
        }

        public void value(long v) {
            value = v;
            flags |= VALUE;
        }

        public void consumptionTier(long v) {
            tier = v;
            flags |= TIER;
        }

        public void tou(long v) {
            tou = v;
            flags |= TOU;
        }

        public void cpp(long v) {
            cpp = v;
            flags |= CPP;
        }

        public void timePeriod(long start, long duration, String extensionXml) {
            tpStart = start;
            tpDuration = duration;
            flags |= TIME_PERIOD;
            if (extensionXml != null) {
                timePeriodExt = extensionXml;
                flags |= TIME_PERIOD_EXT;
            }
        }

        public void quality(int code, String extensionXml) {
            if (qualityCount == qualityCodes.length) {
                qualityCodes = Arrays.copyOf(qualityCodes, qualityCount * 2);
                qualityExts = Arrays.copyOf(qualityExts, qualityCount * 2);
            }
            qualityCodes[qualityCount] = code;
            qualityExts[qualityCount++] = extensionXml;
            flags |= QUALITIES;
        }

        public void endReading() {
            body.varint(flags);
            if ((flags & READING_EXT) != 0) body.string(readingExt);
            if ((flags & COST) != 0) body.zigzag(cost);
            if ((flags & QUALITIES) != 0) {
                body.varint(qualityCount);
                for (int i = 0; i < qualityCount; i++) {
                    boolean ext = qualityExts[i] != null;
                    body.varint(((long) qualityCodes[i] << 1) | (ext ? 1 : 0));
                    if (ext) body.string(qualityExts[i]);
                }
            }
            if ((flags & TIME_PERIOD) != 0) {
                body.zigzag(tpStart - expectedStart);
                body.varint(tpDuration);
                expectedStart = tpStart + tpDuration;
                if ((flags & TIME_PERIOD_EXT) != 0) body.string(timePeriodExt);
            }
            if ((flags & VALUE) != 0) body.zigzag(value);
            if ((flags & TIER) != 0) body.zigzag(tier);
            if ((flags & TOU) != 0) body.zigzag(tou);
            if ((flags & CPP) != 0) body.zigzag(cpp);
            count++;
            flags = 0;
            qualityCount = 0;
            readingExt = null;
            timePeriodExt = null;
        }

        public int count() {
            return count;
        }

        /** The packed bytes; the builder is empty again afterwards. */
        public byte[] finish() {
            header.write(VERSION);
            header.varint(headerFlags);
            if ((headerFlags & BLOCK_PREFIX) != 0) header.string(prefixXml);
            if ((headerFlags & BLOCK_INTERVAL) != 0) {
                header.zigzag(intervalStart);
                header.varint(intervalDuration);
            }
            if ((headerFlags & BLOCK_INTERVAL_EXT) != 0) header.string(intervalExt);
            header.varint(count);
            byte[] out = new byte[header.size() + body.size()];
            header.copyTo(out, 0);
            body.copyTo(out, header.size());
            header.reset();
            body.reset();
            headerFlags = 0;
            count = 0;
            prefixXml = intervalExt = null;
            expectedStart = 0;
            return out;
        }
    }

    /** Reads the packed readings forward without allocating per reading. */
    public static final class Cursor {
        private final byte[] buf;
        private int pos;
        private final int headerFlags;
        private final String prefixXml, intervalExt;
        private final long intervalStart, intervalDuration;
        private final int count;
        private int index;
        private long expectedStart;

        private int flags;
        private long cost, tpStart, tpDuration, value, tier, tou, cpp;
        private String readingExt, timePeriodExt;
        private int qualityCount;
        private int[] qualityCodes = new int[4];
        private String[] qualityExts = new String[4];

        public Cursor(byte[] packed) {
            buf = packed;
            if (buf.length == 0 || buf[0] != VERSION) {
                throw new IllegalArgumentException(
                        "not a packed IntervalBlock (version " + (buf.length == 0 ? "none" : buf[0]) + ")");
            }
            pos = 1;
            headerFlags = (int) varint();
            prefixXml = (headerFlags & BLOCK_PREFIX) != 0 ? string() : null;
            if ((headerFlags & BLOCK_INTERVAL) != 0) {
                intervalStart = zigzag();
                intervalDuration = varint();
            } else {
                intervalStart = intervalDuration = 0;
            }
            intervalExt = (headerFlags & BLOCK_INTERVAL_EXT) != 0 ? string() : null;
            count = (int) varint();
            expectedStart = intervalStart;
        }

        public String blockPrefixXml() {
            return prefixXml;
        }

        public boolean hasInterval() {
            return (headerFlags & BLOCK_INTERVAL) != 0;
        }

        public long intervalStart() {
            return intervalStart;
        }

        public long intervalDuration() {
            return intervalDuration;
        }

        public String intervalExtensionXml() {
            return intervalExt;
        }

        public int count() {
            return count;
        }

        public boolean next() {
            if (index == count) return false;
            index++;
            flags = (int) varint();
            readingExt = (flags & READING_EXT) != 0 ? string() : null;
            if ((flags & COST) != 0) cost = zigzag();
            qualityCount = (flags & QUALITIES) != 0 ? qualities() : 0;
            if ((flags & TIME_PERIOD) != 0) timePeriod();
            if ((flags & VALUE) != 0) value = zigzag();
            if ((flags & TIER) != 0) tier = zigzag();
            if ((flags & TOU) != 0) tou = zigzag();
            if ((flags & CPP) != 0) cpp = zigzag();
            return true;
        }

        /** Reads the ReadingQuality codes (and their extensions) into reused arrays; answers how many. */
        private int qualities() {
            int n = (int) varint();
            if (n > qualityCodes.length) {
                qualityCodes = new int[n];
                qualityExts = new String[n];
            }
            for (int i = 0; i < n; i++) {
                long q = varint();
                qualityCodes[i] = (int) (q >>> 1);
                qualityExts[i] = (q & 1) != 0 ? string() : null;
            }
            return n;
        }

        /** The start is stored as its distance from the end of the previous reading: 0 for contiguous readings. */
        private void timePeriod() {
            tpStart = expectedStart + zigzag();
            tpDuration = varint();
            expectedStart = tpStart + tpDuration;
            timePeriodExt = (flags & TIME_PERIOD_EXT) != 0 ? string() : null;
        }

        public boolean has(int field) {
            return (flags & field) != 0;
        }

        public boolean hasValue() {
            return has(VALUE);
        }

        public boolean hasCost() {
            return has(COST);
        }

        public boolean hasTimePeriod() {
            return has(TIME_PERIOD);
        }

        public boolean hasConsumptionTier() {
            return has(TIER);
        }

        public boolean hasTou() {
            return has(TOU);
        }

        public boolean hasCpp() {
            return has(CPP);
        }

        public long value() {
            return value;
        }

        public long cost() {
            return cost;
        }

        public long start() {
            return tpStart;
        }

        public long duration() {
            return tpDuration;
        }

        public long consumptionTier() {
            return tier;
        }

        public long tou() {
            return tou;
        }

        public long cpp() {
            return cpp;
        }

        public String readingExtensionXml() {
            return readingExt;
        }

        public String timePeriodExtensionXml() {
            return timePeriodExt;
        }

        public int qualityCount() {
            return qualityCount;
        }

        public int qualityCode(int i) {
            return qualityCodes[i];
        }

        public String qualityExtensionXml(int i) {
            return qualityExts[i];
        }

        private long varint() {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[pos++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) return result;
            }
        }

        private long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        private String string() {
            int len = (int) varint();
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }
    }

    /** A growable byte buffer with varint writers; ByteArrayOutputStream is synchronized and slower. */
    private static final class Sink extends ByteArrayOutputStream {
        Sink(int size) {
            super(size);
        }

        @Override
        public void write(int b) {
            if (count == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            buf[count++] = (byte) b;
        }

        void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            if (count + b.length > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + b.length));
            System.arraycopy(b, 0, buf, count, b.length);
            count += b.length;
        }

        void copyTo(byte[] dest, int offset) {
            System.arraycopy(buf, 0, dest, offset, count);
        }
    }
}
