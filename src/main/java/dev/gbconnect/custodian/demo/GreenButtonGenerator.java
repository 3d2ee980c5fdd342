package dev.gbconnect.custodian.demo;

import dev.gbconnect.custodian.atom.EspiXml;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Deterministic synthetic Green Button data for the demo customers and the benchmark: one Atom feed that validates
 * against the GBA schema set. It is streamed, so a benchmark file of any size costs no heap, and it depends only on the
 * plan (never on the clock), so the same plan always gives the same bytes. A day's readings and a month's gas reading
 * depend only on the point and the date, and each block and summary is named by its date: a plan of the following
 * days continues a feed, and a plan overlapping one updates the same resources with the same values.
 */
public final class GreenButtonGenerator {

    /** ELECTRIC: Wh readings every {@code intervalSeconds}, daily IntervalBlocks, monthly UsageSummary entries. GAS: one reading per month. */
    public enum Kind {
        ELECTRIC,
        GAS
    }

    /** The name becomes a path segment of every href of the point, so it is restricted to unreserved URI characters. */
    public record Point(String name, Kind kind, long seed) {

        private static final Pattern URI_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

        public Point {
            if (name == null || !URI_SEGMENT.matcher(name).matches()) {
                throw new IllegalArgumentException("a point name may hold only letters, digits and . _ ~ -: " + name);
            }
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** start: UTC midnight (epoch second) of the first reading; intervalSeconds: the ELECTRIC reading interval, dividing a day. */
    public record Plan(List<Point> points, long start, int days, int intervalSeconds) {

        public Plan {
            points = List.copyOf(points);
            if (new HashSet<>(points.stream().map(Point::name).toList()).size() != points.size()) {
                throw new IllegalArgumentException("point names must be unique: they make the hrefs");
            }
            if (Math.floorMod(start, DAY) != 0)
                throw new IllegalArgumentException("start must be a UTC midnight: " + start);
            if (days < 1) throw new IllegalArgumentException("days must be positive: " + days);
            if (intervalSeconds < 1 || DAY % intervalSeconds != 0) {
                throw new IllegalArgumentException("intervalSeconds must divide a day: " + intervalSeconds);
            }
        }
    }

    private static final int DAY = 86_400;
    /** Mixes a point's seed with a date, so each day (gas: month) has random numbers of its own. */
    private static final long SEED_MIX = 0x9E37_79B9_7F4A_7C15L;
    /** US Eastern standard time; the load curve follows the customer's clock, not UTC. */
    private static final int TZ_OFFSET = -18_000;

    private static final String USAGE_POINTS = "RetailCustomer/demo/UsagePoint";
    /** The monthly gas reading's nominal length, as in the Data SDK's Gas.xml; each block's interval has the true length. */
    private static final int GAS_INTERVAL = 2_678_400;
    /** Tariffs in hundred-thousandths of a dollar (the unit of ESPI cost) per Wh and per thousandth of a therm. */
    private static final long ELECTRIC_TARIFF = 15;

    private static final long GAS_TARIFF = 150;
    private static final int USD = 840;
    private static final int WH = 72;
    private static final int THERM = 169;

    private final XMLStreamWriter xml;
    private final Plan plan;
    private final String timestamp;
    private final char[] digits = new char[20];
    private long readings;

    private GreenButtonGenerator(XMLStreamWriter xml, Plan plan) {
        this.xml = xml;
        this.plan = plan;
        // the moment the last reading is complete: the latest instant the data could have been published
        this.timestamp =
                Instant.ofEpochSecond(plan.start() + (long) plan.days() * DAY).toString();
    }

    /** Writes the feed of all points of the plan to out (which stays open); answers the number of IntervalReadings. */
    public static long write(OutputStream out, Plan plan) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(new Buffer(out), "UTF-8");
        GreenButtonGenerator generator = new GreenButtonGenerator(xml, plan);
        generator.feed();
        xml.flush();
        xml.close();
        return generator.readings;
    }

    private void feed() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("", "feed", EspiXml.ATOM);
        xml.writeDefaultNamespace(EspiXml.ATOM);
        StringBuilder identity = new StringBuilder(USAGE_POINTS);
        for (Point p : plan.points())
            identity.append(' ').append(p.name()).append(' ').append(p.seed());
        identity.append(' ')
                .append(plan.start())
                .append(' ')
                .append(plan.days())
                .append(' ')
                .append(plan.intervalSeconds());
        text("id", "urn:uuid:" + UUID.nameUUIDFromBytes(identity.toString().getBytes(StandardCharsets.UTF_8)));
        text("title", "Synthetic Green Button data");
        text("updated", timestamp);
        link("self", USAGE_POINTS);
        for (Point p : plan.points()) point(p);
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void point(Point p) throws XMLStreamException {
        boolean electric = p.kind() == Kind.ELECTRIC;
        String usagePoint = USAGE_POINTS + "/" + p.name();
        String meterReadings = usagePoint + "/MeterReading", meterReading = meterReadings + "/1";
        String blocks = meterReading + "/IntervalBlock", summaries = usagePoint + "/UsageSummary";
        String localTime = "LocalTimeParameters/" + p.name(), readingType = "ReadingType/" + p.name();

        usagePoint(p, usagePoint, meterReadings, summaries, localTime);
        localTime(localTime);
        openEntry(meterReading, meterReadings, "Meter reading", "MeterReading", blocks, readingType);
        closeEntry();

        if (electric) {
            openEntry(readingType, "ReadingType", "Energy delivered (Wh)", "ReadingType");
            readingType(1, plan.intervalSeconds(), true, 0, WH);
            closeEntry();
            bills(summaries, electricBlocks(p, blocks));
        } else {
            openEntry(readingType, "ReadingType", "Gas delivered (therm/1000)", "ReadingType");
            readingType(7, GAS_INTERVAL, false, -3, THERM);
            closeEntry();
            gasBlocks(p, blocks);
        }
    }

    /** Only an electric point has monthly bills, so only its UsagePoint links to UsageSummary. */
    private void usagePoint(Point p, String usagePoint, String meterReadings, String summaries, String localTime)
            throws XMLStreamException {
        boolean electric = p.kind() == Kind.ELECTRIC;
        if (electric) {
            openEntry(
                    usagePoint,
                    USAGE_POINTS,
                    "Electric meter " + p.name(),
                    "UsagePoint",
                    meterReadings,
                    summaries,
                    localTime);
        } else {
            openEntry(usagePoint, USAGE_POINTS, "Gas meter " + p.name(), "UsagePoint", meterReadings, localTime);
        }
        xml.writeStartElement("ServiceCategory");
        leaf("kind", electric ? 0 : 1);
        xml.writeEndElement();
        leaf("status", 1);
        closeEntry();
    }

    private void localTime(String localTime) throws XMLStreamException {
        openEntry(localTime, "LocalTimeParameters", "US Eastern time", "LocalTimeParameters");
        // DST from 02:00 on the second Sunday of March to 02:00 on the first Sunday of November (see DstRuleType)
        text("dstEndRule", "B40E2000");
        leaf("dstOffset", 3600);
        text("dstStartRule", "360E2000");
        leaf("tzOffset", TZ_OFFSET);
        closeEntry();
    }

    private void readingType(int commodity, int intervalLength, boolean phase, int powerOfTen, int uom)
            throws XMLStreamException {
        leaf("accumulationBehaviour", 4);
        leaf("commodity", commodity);
        leaf("currency", USD);
        leaf("dataQualifier", 12);
        leaf("flowDirection", 1);
        leaf("intervalLength", intervalLength);
        leaf("kind", 12);
        if (phase) leaf("phase", 769);
        leaf("powerOfTenMultiplier", powerOfTen);
        leaf("timeAttribute", 0);
        leaf("uom", uom);
    }

    /**
     * One IntervalBlock per UTC day; answers the bills of the calendar months that end within the plan. A month begun
     * before the plan is totalled from its earlier days, computed again and not written, so a plan of the last days
     * of a month still bills the whole month.
     */
    private List<Bill> electricBlocks(Point p, String blocks) throws XMLStreamException {
        ElectricLoad load = new ElectricLoad(p.seed(), plan.intervalSeconds());
        List<Bill> bills = new ArrayList<>();
        LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(plan.start(), DAY));
        long monthWh = 0;
        for (LocalDate earlier = first.withDayOfMonth(1); earlier.isBefore(first); earlier = earlier.plusDays(1)) {
            monthWh += day(load, earlier, null);
        }
        for (int d = 0; d < plan.days(); d++) {
            LocalDate date = first.plusDays(d);
            if (date.getDayOfMonth() == 1) monthWh = 0;
            monthWh += day(load, date, blocks);
            if (date.plusDays(1).getDayOfMonth() == 1) {
                long monthStart = date.withDayOfMonth(1).toEpochDay() * DAY;
                long monthEnd = date.plusDays(1).toEpochDay() * DAY;
                bills.add(new Bill(YearMonth.from(date), monthStart, monthEnd, monthWh, monthWh * ELECTRIC_TARIFF));
            }
        }
        return bills;
    }

    /** One day's Wh; its readings are written as an IntervalBlock below {@code blocks}, or only counted when null. */
    private long day(ElectricLoad load, LocalDate date, String blocks) throws XMLStreamException {
        int interval = plan.intervalSeconds(), perDay = DAY / interval;
        long dayStart = date.toEpochDay() * DAY, total = 0;
        load.day(date);
        if (blocks != null) {
            openEntry(blocks + "/" + date, blocks, "Daily usage " + date, "IntervalBlock");
            period("interval", DAY, dayStart);
        }
        for (int slot = 0; slot < perDay; slot++) {
            long time = dayStart + (long) slot * interval;
            long wh = load.wh(time, slot);
            if (blocks != null) reading(interval, time, wh, wh * ELECTRIC_TARIFF);
            total += wh;
        }
        if (blocks != null) closeEntry();
        return total;
    }

    private record Bill(YearMonth month, long start, long end, long wh, long cost) {}

    private void bills(String summaries, List<Bill> bills) throws XMLStreamException {
        for (Bill bill : bills) {
            openEntry(summaries + "/" + bill.month(), summaries, "Monthly bill " + bill.month(), "UsageSummary");
            period("billingPeriod", bill.end() - bill.start(), bill.start());
            leaf("billLastPeriod", bill.cost());
            leaf("currency", USD);
            xml.writeStartElement("overallConsumptionLastPeriod");
            leaf("powerOfTenMultiplier", 0);
            leaf("timeStamp", bill.end());
            leaf("uom", WH);
            leaf("value", bill.wh());
            xml.writeEndElement();
            leaf("statusTimeStamp", bill.end());
            leaf("commodity", 1);
            closeEntry();
        }
    }

    /** Typical monthly therms of a gas-heated house, January first. */
    private static final double[] GAS_THERMS = {130, 115, 90, 55, 30, 18, 15, 15, 20, 45, 85, 120};

    /**
     * One IntervalBlock per calendar month that ends within the plan: a monthly gas meter is read when the month is
     * over, so a month still running has no reading yet.
     */
    private void gasBlocks(Point p, String blocks) throws XMLStreamException {
        Random random = new Random(p.seed());
        double household = 0.8 + 0.4 * random.nextDouble();
        LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(plan.start(), DAY)), end = first.plusDays(plan.days());
        for (LocalDate month = first.withDayOfMonth(1);
                !month.plusMonths(1).isAfter(end);
                month = month.plusMonths(1)) {
            long from = month.toEpochDay() * DAY, duration = month.plusMonths(1).toEpochDay() * DAY - from;
            random.setSeed(p.seed() * SEED_MIX + month.toEpochDay());
            double therms = GAS_THERMS[month.getMonthValue() - 1] * household * (0.9 + 0.2 * random.nextDouble());
            long milliTherms = Math.max(1, Math.round(therms * 1000));
            openEntry(
                    blocks + "/" + YearMonth.from(month),
                    blocks,
                    "Monthly gas usage " + YearMonth.from(month),
                    "IntervalBlock");
            period("interval", duration, from);
            reading(duration, from, milliTherms, milliTherms * GAS_TARIFF);
            closeEntry();
        }
    }

    /** Opens an entry up to and including its ESPI resource element, which carries the ESPI default namespace. */
    private void openEntry(String self, String up, String title, String resource, String... related)
            throws XMLStreamException {
        xml.writeStartElement("entry");
        // the self href holds the point name, so the id is unique within the feed and the same on every run
        text("id", "urn:uuid:" + UUID.nameUUIDFromBytes(self.getBytes(StandardCharsets.UTF_8)));
        link("self", self);
        link("up", up);
        for (String href : related) link("related", href);
        text("title", title);
        xml.writeStartElement("content");
        xml.writeStartElement("", resource, EspiXml.ESPI);
        xml.writeDefaultNamespace(EspiXml.ESPI);
    }

    private void closeEntry() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndElement();
        text("published", timestamp);
        text("updated", timestamp);
        xml.writeEndElement();
    }

    private void link(String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private void reading(long duration, long start, long value, long cost) throws XMLStreamException {
        xml.writeStartElement("IntervalReading");
        leaf("cost", cost);
        period("timePeriod", duration, start);
        leaf("value", value);
        xml.writeEndElement();
        readings++;
    }

    private void period(String element, long duration, long start) throws XMLStreamException {
        xml.writeStartElement(element);
        leaf("duration", duration);
        leaf("start", start);
        xml.writeEndElement();
    }

    private void text(String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** Formats into a reused buffer: the reading loop would otherwise make several Strings per reading. */
    private void leaf(String element, long value) throws XMLStreamException {
        xml.writeStartElement(element);
        int at = digits.length;
        long rest = Math.abs(value);
        do {
            digits[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (value < 0) digits[--at] = '-';
        xml.writeCharacters(digits, at, digits.length - at);
        xml.writeEndElement();
    }

    /**
     * The JDK's UTF-8 stream writer hands over every byte on its own; BufferedOutputStream would take its lock for
     * each of them, which cost as much as all the rest of the generator.
     */
    private static final class Buffer extends OutputStream {

        private final OutputStream out;
        private final byte[] bytes = new byte[1 << 16];
        private int size;

        Buffer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == bytes.length) drain();
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int offset, int length) throws IOException {
            if (length > bytes.length - size) drain();
            if (length > bytes.length) {
                out.write(b, offset, length);
            } else {
                System.arraycopy(b, offset, bytes, size, length);
                size += length;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        private void drain() throws IOException {
            out.write(bytes, 0, size);
            size = 0;
        }
    }

    /**
     * A household's electric load in watts: base load, a daily curve on the local clock (quiet night, morning bump,
     * evening peak, more at home midday on weekends), air conditioning on summer afternoons, heating in winter, and
     * noise with the odd appliance spike. The curves are tabulated per slot of the day once, so a reading costs a few
     * multiplications and two random numbers.
     */
    private static final class ElectricLoad {

        /** Peak air-conditioning and heating watts by month, January first. */
        private static final double[] COOLING = {0, 0, 0, 0, 150, 600, 900, 800, 250, 0, 0, 0};

        private static final double[] HEATING = {700, 600, 300, 100, 0, 0, 0, 0, 0, 100, 300, 600};

        private final Random random;
        private final long seed;
        private final double base;
        private final double household;
        private final double whPerWatt;
        private final double[] weekday, weekend, coolingShape, heatingShape;
        private double cooling, heating;

        ElectricLoad(long seed, int intervalSeconds) {
            this.seed = seed;
            random = new Random(seed);
            base = 150 + 100 * random.nextDouble();
            household = 0.8 + 0.4 * random.nextDouble();
            whPerWatt = intervalSeconds / 3600.0;
            int slots = DAY / intervalSeconds;
            weekday = new double[slots];
            weekend = new double[slots];
            coolingShape = new double[slots];
            heatingShape = new double[slots];
            for (int slot = 0; slot < slots; slot++) {
                double midpoint = (double) slot * intervalSeconds + intervalSeconds / 2.0 + TZ_OFFSET;
                double hour = Math.floorMod((long) midpoint, DAY) / 3600.0;
                weekday[slot] = 350 * bump(hour, 7.5, 1.0) + 120 * bump(hour, 13, 2.5) + 900 * bump(hour, 19, 1.5);
                weekend[slot] = 250 * bump(hour, 8.5, 1.3) + 380 * bump(hour, 13, 2.5) + 950 * bump(hour, 19, 1.7);
                coolingShape[slot] = bump(hour, 16, 2.5);
                heatingShape[slot] = 0.35 + bump(hour, 7, 1.5) + 0.6 * bump(hour, 19, 2);
            }
        }

        void day(LocalDate date) {
            random.setSeed(seed * SEED_MIX + date.toEpochDay());
            cooling = COOLING[date.getMonthValue() - 1] * household;
            heating = HEATING[date.getMonthValue() - 1] * household;
        }

        long wh(long time, int slot) {
            long localDay = Math.floorDiv(time + TZ_OFFSET, DAY);
            boolean saturdayOrSunday = Math.floorMod(localDay + 3, 7) >= 5; // day 0, 1970-01-01, was a Thursday
            double watts = base
                    + household * (saturdayOrSunday ? weekend[slot] : weekday[slot])
                    + cooling * coolingShape[slot]
                    + heating * heatingShape[slot];
            watts *= 0.85 + 0.3 * random.nextDouble();
            if (random.nextInt(50) == 0) watts += 800 + 1200 * random.nextDouble();
            return Math.max(1, Math.round(watts * whPerWatt));
        }

        private static double bump(double hour, double center, double width) {
            double z = (hour - center) / width;
            return Math.exp(-z * z / 2);
        }
    }
}
