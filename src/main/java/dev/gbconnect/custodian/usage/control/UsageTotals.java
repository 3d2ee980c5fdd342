package dev.gbconnect.custodian.usage.control;

import dev.gbconnect.custodian.platform.CustodianApplication;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import dev.gbconnect.custodian.usage.entity.PackedReadings;
import dev.gbconnect.custodian.usage.entity.ReadingType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A customer's use (and its cost) per local hour, day and month, for the portal's charts: each usage point's first
 * MeterReading summed in the usage point's own local time ({@link LocalTimeRules}: its LocalTimeParameters with
 * their DST rules), each reading counted at its middle, one stored block in memory at a time.
 */
@ApplicationScoped
public class UsageTotals {

    /** One usage point's totals; values in the ReadingType's unit times 10^powerOfTen. */
    public record Series(
            String usagePointId,
            String title,
            Integer serviceKind,
            Long intervalLength,
            Integer uom,
            int powerOfTen,
            Integer currency,
            LocalTimeRules zone,
            Instant first,
            Instant last,
            SortedMap<Instant, Total> hours,
            SortedMap<LocalDate, Total> days,
            SortedMap<YearMonth, Total> months) {}

    /**
     * The sum of some readings: their values, and their costs (ESPI IntervalReading cost: hundred-thousandths of
     * the ReadingType's currency) if any of them carried one.
     */
    public record Total(long value, long cost, boolean costed) {

        public Total plus(Total other) {
            return new Total(value + other.value, cost + other.cost, costed || other.costed);
        }
    }

    private static final String POINTS =
            "SELECT up.ID, up.TITLE, up.SERVICE_KIND, l.TZ_OFFSET, l.DST_OFFSET, l.DST_START_RULE, l.DST_END_RULE"
                    + " FROM USAGE_POINT up LEFT JOIN LOCAL_TIME_PARAMETERS l ON l.ID = up.LOCAL_TIME_PARAMETERS_ID"
                    + " WHERE up.CUSTOMER_ID = ? ORDER BY up.TITLE, up.ID";
    private static final String READING =
            "SELECT mr.ID, rt.INTERVAL_LENGTH, rt.UOM, rt.POWER_OF_TEN_MULTIPLIER, rt.CONTENT FROM METER_READING mr"
                    + " LEFT JOIN READING_TYPE rt ON rt.ID = mr.READING_TYPE_ID WHERE mr.USAGE_POINT_ID = ? ORDER BY mr.ID";
    private static final String BLOCKS =
            "SELECT READINGS FROM INTERVAL_BLOCK WHERE METER_READING_ID = ? ORDER BY INTERVAL_START";

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    /** {@code hours}: also the hourly totals (a day's chart); they are 24 entries a day of data, so only on demand. */
    public List<Series> ofCustomer(String customerId, boolean hours) {
        List<Series> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement points = c.prepareStatement(POINTS)) {
            points.setString(1, customerId);
            try (ResultSet up = points.executeQuery()) {
                while (up.next()) {
                    LocalTimeRules zone = LocalTimeRules.of(
                            (Long) up.getObject(4), (Long) up.getObject(5), up.getString(6), up.getString(7));
                    all.add(series(c, up, new Sums(zone, hours)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the usage totals of customer " + customerId + " failed", e);
        }
        return all;
    }

    /** What the first MeterReading's ReadingType says its numbers mean. */
    private record Meaning(Long interval, Integer uom, int powerOfTen, Integer currency) {}

    private static Series series(Connection c, ResultSet up, Sums sums) throws SQLException {
        String usagePointId = up.getString(1);
        Meaning m = new Meaning(null, null, 0, null);
        try (PreparedStatement reading = c.prepareStatement(READING)) {
            reading.setString(1, usagePointId);
            try (ResultSet mr = reading.executeQuery()) {
                if (mr.next()) {
                    byte[] readingType = mr.getBytes(5);
                    m = new Meaning(
                            (Long) mr.getObject(2),
                            (Integer) mr.getObject(3),
                            mr.getInt(4),
                            readingType == null ? null : ReadingType.currency(readingType));
                    sumBlocks(c, mr.getString(1), sums);
                }
            }
        }
        return sums.series(usagePointId, up.getString(2), (Integer) up.getObject(3), m);
    }

    private static void sumBlocks(Connection c, String meterReadingId, Sums sums) throws SQLException {
        try (PreparedStatement blocks = c.prepareStatement(BLOCKS)) {
            blocks.setString(1, meterReadingId);
            try (ResultSet b = blocks.executeQuery()) {
                while (b.next()) {
                    PackedReadings.Cursor r = new PackedReadings.Cursor(b.getBytes(1));
                    while (r.next()) sums.add(r);
                }
            }
        }
    }

    /** One usage point's readings summed by its local hour, day and month, and the span they cover (epoch seconds). */
    private static final class Sums {
        final LocalTimeRules zone;
        final SortedMap<Instant, Total> hours = new TreeMap<>();
        final SortedMap<LocalDate, Total> days = new TreeMap<>();
        final SortedMap<YearMonth, Total> months = new TreeMap<>();
        final boolean byHour;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;

        Sums(LocalTimeRules zone, boolean byHour) {
            this.zone = zone;
            this.byHour = byHour;
        }

        Series series(String usagePointId, String title, Integer kind, Meaning m) {
            return new Series(
                    usagePointId,
                    title,
                    kind,
                    m.interval(),
                    m.uom(),
                    m.powerOfTen(),
                    m.currency(),
                    zone,
                    first == Long.MAX_VALUE ? null : Instant.ofEpochSecond(first),
                    last == Long.MIN_VALUE ? null : Instant.ofEpochSecond(last),
                    hours,
                    days,
                    months);
        }

        /** A reading without a time or a value has nothing to add. */
        void add(PackedReadings.Cursor r) {
            if (!r.hasTimePeriod() || !r.hasValue()) return;
            Total t = new Total(r.value(), r.hasCost() ? r.cost() : 0, r.hasCost());
            Instant at = zone.countedAt(r.start(), r.duration());
            LocalDate day = zone.dayOf(at);
            if (byHour) hours.merge(zone.hourOf(at), t, Total::plus);
            days.merge(day, t, Total::plus);
            months.merge(YearMonth.from(day), t, Total::plus);
            first = Math.min(first, r.start());
            last = Math.max(last, r.start() + r.duration());
        }
    }
}
