package dev.gbconnect.custodian.usage.control;

import dev.gbconnect.custodian.platform.CustodianApplication;
import dev.gbconnect.custodian.usage.entity.PackedReadings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Walks every stored reading of a MeterReading through a forward-only cursor, one block in memory at a time, so a
 * decade of 15-minute data costs no more heap than a day of it.
 */
@ApplicationScoped
public class ReadingScan {

    /** Totals over the readings of one MeterReading; times in epoch seconds, null without readings. */
    public record Totals(long blocks, long readings, long valueSum, Long first, Long last) {}

    private static final String SQL = "SELECT READINGS FROM INTERVAL_BLOCK WHERE METER_READING_ID = ?";

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    public Totals totals(String meterReadingId) {
        long blocks = 0, readings = 0, sum = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SQL)) {
            s.setFetchSize(64);
            s.setString(1, meterReadingId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blocks++;
                    PackedReadings.Cursor cursor = new PackedReadings.Cursor(rs.getBytes(1));
                    while (cursor.next()) {
                        readings++;
                        if (cursor.hasValue()) sum += cursor.value();
                        if (cursor.hasTimePeriod()) {
                            first = Math.min(first, cursor.start());
                            last = Math.max(last, cursor.start() + cursor.duration());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading scan failed for MeterReading " + meterReadingId, e);
        }
        return new Totals(
                blocks, readings, sum, first == Long.MAX_VALUE ? null : first, last == Long.MIN_VALUE ? null : last);
    }
}
