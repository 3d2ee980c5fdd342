package dev.gbconnect.custodian.usage.control;

import dev.gbconnect.custodian.platform.CustodianApplication;
import dev.gbconnect.custodian.usage.entity.PackedReadings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A customer's use per day and per month, for the portal's charts: each usage point's first MeterReading summed
 * in the usage point's own time zone (its LocalTimeParameters offset), one stored block in memory at a time.
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
            Instant first,
            Instant last,
            SortedMap<LocalDate, Long> days,
            SortedMap<YearMonth, Long> months) {}

    private static final String POINTS = "SELECT up.ID, up.TITLE, up.SERVICE_KIND, l.TZ_OFFSET FROM USAGE_POINT up"
            + " LEFT JOIN LOCAL_TIME_PARAMETERS l ON l.ID = up.LOCAL_TIME_PARAMETERS_ID WHERE up.CUSTOMER_ID = ? ORDER BY up.TITLE, up.ID";
    private static final String READING =
            "SELECT mr.ID, rt.INTERVAL_LENGTH, rt.UOM, rt.POWER_OF_TEN_MULTIPLIER FROM METER_READING mr"
                    + " LEFT JOIN READING_TYPE rt ON rt.ID = mr.READING_TYPE_ID WHERE mr.USAGE_POINT_ID = ? ORDER BY mr.ID";
    private static final String BLOCKS =
            "SELECT READINGS FROM INTERVAL_BLOCK WHERE METER_READING_ID = ? ORDER BY INTERVAL_START";

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    public List<Series> ofCustomer(String customerId) {
        List<Series> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement points = c.prepareStatement(POINTS)) {
            points.setString(1, customerId);
            try (ResultSet up = points.executeQuery()) {
                while (up.next()) {
                    long tz = up.getLong(4);
                    all.add(series(
                            c,
                            up.getString(1),
                            up.getString(2),
                            (Integer) up.getObject(3),
                            ZoneOffset.ofTotalSeconds((int) tz)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the usage totals of customer " + customerId + " failed", e);
        }
        return all;
    }

    private static Series series(Connection c, String usagePointId, String title, Integer kind, ZoneOffset zone)
            throws SQLException {
        Sums sums = new Sums(zone);
        Long interval = null;
        Integer uom = null;
        int power = 0;
        try (PreparedStatement reading = c.prepareStatement(READING)) {
            reading.setString(1, usagePointId);
            try (ResultSet mr = reading.executeQuery()) {
                if (mr.next()) {
                    interval = (Long) mr.getObject(2);
                    uom = (Integer) mr.getObject(3);
                    power = mr.getInt(4);
                    sumBlocks(c, mr.getString(1), sums);
                }
            }
        }
        return new Series(
                usagePointId,
                title,
                kind,
                interval,
                uom,
                power,
                sums.first == Long.MAX_VALUE ? null : Instant.ofEpochSecond(sums.first),
                sums.last == Long.MIN_VALUE ? null : Instant.ofEpochSecond(sums.last),
                sums.days,
                sums.months);
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

    /** One usage point's readings summed by its local day and month, and the span they cover (epoch seconds). */
    private static final class Sums {
        final ZoneOffset zone;
        final SortedMap<LocalDate, Long> days = new TreeMap<>();
        final SortedMap<YearMonth, Long> months = new TreeMap<>();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;

        Sums(ZoneOffset zone) {
            this.zone = zone;
        }

        /** A reading without a time or a value has nothing to add. */
        void add(PackedReadings.Cursor r) {
            if (!r.hasTimePeriod() || !r.hasValue()) return;
            LocalDate day = Instant.ofEpochSecond(r.start()).atOffset(zone).toLocalDate();
            days.merge(day, r.value(), Long::sum);
            months.merge(YearMonth.from(day), r.value(), Long::sum);
            first = Math.min(first, r.start());
            last = Math.max(last, r.start() + r.duration());
        }
    }
}
