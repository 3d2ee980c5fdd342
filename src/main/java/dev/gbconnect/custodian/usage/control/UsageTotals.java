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
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        SortedMap<YearMonth, Long> months = new TreeMap<>();
        Long interval = null;
        Integer uom = null;
        int power = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        try (PreparedStatement reading = c.prepareStatement(READING)) {
            reading.setString(1, usagePointId);
            try (ResultSet mr = reading.executeQuery()) {
                if (mr.next()) {
                    interval = (Long) mr.getObject(2);
                    uom = (Integer) mr.getObject(3);
                    power = mr.getInt(4);
                    try (PreparedStatement blocks = c.prepareStatement(BLOCKS)) {
                        blocks.setString(1, mr.getString(1));
                        try (ResultSet b = blocks.executeQuery()) {
                            while (b.next()) {
                                PackedReadings.Cursor r = new PackedReadings.Cursor(b.getBytes(1));
                                while (r.next()) {
                                    if (!r.hasTimePeriod() || !r.hasValue()) continue;
                                    LocalDate day = Instant.ofEpochSecond(r.start())
                                            .atOffset(zone)
                                            .toLocalDate();
                                    days.merge(day, r.value(), Long::sum);
                                    months.merge(YearMonth.from(day), r.value(), Long::sum);
                                    first = Math.min(first, r.start());
                                    last = Math.max(last, r.start() + r.duration());
                                }
                            }
                        }
                    }
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
                first == Long.MAX_VALUE ? null : Instant.ofEpochSecond(first),
                last == Long.MIN_VALUE ? null : Instant.ofEpochSecond(last),
                days,
                months);
    }
}
