package dev.gbconnect.custodian.usage.control;

import dev.gbconnect.custodian.platform.CustodianApplication;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps PostgreSQL's monthly partitions of interval data (migration V16, docs/operations.md "Partitions of interval
 * data") ahead of need: at start and daily it makes the partitions of last month to {@link #AHEAD} months ahead, so
 * nightly deliveries land in a partition of their own month, and moves any month that a history load put in the
 * default partition out into its own. Each month is one short transaction of {@code INTERVAL_BLOCK_PARTITION}, which
 * serializes instances that do this at once. Derby has no partitions: nothing to do there.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
// Each partition is made in a transaction of its own; a container transaction would hold every lock to the end.
@TransactionManagement(TransactionManagementType.BEAN)
public class IntervalBlockPartitions {

    private static final Logger LOG = Logger.getLogger(IntervalBlockPartitions.class.getName());
    static final int AHEAD = 2;

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void onStart() {
        prepare();
    }

    @Schedule(hour = "2", minute = "41", persistent = false)
    void prepare() {
        try (Connection c = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) return;
            c.setAutoCommit(true);
            List<Long> months = new ArrayList<>();
            YearMonth now = YearMonth.now(ZoneOffset.UTC);
            for (int m = -1; m <= AHEAD; m++) months.add(firstSecond(now.plusMonths(m)));
            months.addAll(inDefaultPartition(c));
            try (PreparedStatement make = c.prepareStatement("SELECT INTERVAL_BLOCK_PARTITION(?)")) {
                for (long month : months) partition(make, month);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not prepare the partitions of interval data: " + e.getMessage(), e);
        }
    }

    /** Not fatal: rows of a month without its partition wait in the default partition until the next run. */
    private static void partition(PreparedStatement make, long month) {
        try {
            make.setLong(1, month);
            make.execute();
        } catch (SQLException e) {
            LOG.warning("no partition of interval data for the month of " + Instant.ofEpochSecond(month) + ": "
                    + e.getMessage());
        }
    }

    private static long firstSecond(YearMonth month) {
        return month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private static List<Long> inDefaultPartition(Connection c) throws SQLException {
        List<Long> months = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT DISTINCT extract(epoch FROM date_trunc('month',"
                        + " to_timestamp(INTERVAL_START) AT TIME ZONE 'UTC'))::BIGINT FROM INTERVAL_BLOCK_DEFAULT"
                        + " WHERE INTERVAL_START IS NOT NULL")) {
            while (r.next()) months.add(r.getLong(1));
        }
        return months;
    }
}
