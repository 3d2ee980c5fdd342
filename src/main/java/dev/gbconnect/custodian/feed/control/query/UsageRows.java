package dev.gbconnect.custodian.feed.control.query;

import dev.gbconnect.custodian.atom.DocumentRead;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.feed.control.reach.Bulk;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import dev.gbconnect.custodian.platform.ReadReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads usage rows for feeds through plain JDBC: forward-only cursors, one row in memory at a time, so a feed of
 * years of data streams in bounded memory. Every query carries the caller's {@link Reach}.
 */
@ApplicationScoped
public class UsageRows {

    /** One stored resource as a feed writes it; {@code payload} is the ESPI element, or packed readings for a block. */
    public record Row(
            String id,
            String title,
            Instant published,
            Instant updated,
            byte[] payload,
            String usagePointId,
            String meterReadingId,
            String relatedId) {}

    /** Receives rows as they are read. */
    @FunctionalInterface
    public interface Each {
        void accept(Row row) throws Exception;
    }

    /** What to read: rows of one kind, below the given parents (null: any), one of them by id, or a feed's page. */
    public record Selection(UsageKind kind, String usagePointId, String meterReadingId, String id, FeedQuery query) {
        public static Selection one(UsageKind kind, String usagePointId, String meterReadingId, String id) {
            return new Selection(kind, usagePointId, meterReadingId, id, null);
        }
    }

    /** A read for one document ({@link DocumentRead}). */
    public final class Reading extends DocumentRead {

        Reading(Connection connection) throws SQLException {
            super(connection);
        }

        /** Streams the selected rows in feed order. */
        public void each(Reach reach, Selection s, Each each) throws Exception {
            try (PreparedStatement st = s.kind()
                    .select(reach, s.usagePointId(), s.meterReadingId(), s.id(), s.query())
                    .prepare(connection)) {
                st.setFetchSize(64);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) each.accept(row(rs));
                }
            }
        }

        public List<Row> all(Reach reach, Selection s) throws Exception {
            List<Row> rows = new ArrayList<>();
            each(reach, s, rows::add);
            return rows;
        }

        /** A ReadingType's unit of measure (or -1) and power-of-ten multiplier. */
        public int[] unit(String readingTypeId) throws SQLException {
            try (PreparedStatement st =
                    connection.prepareStatement("SELECT UOM, POWER_OF_TEN_MULTIPLIER FROM READING_TYPE WHERE ID = ?")) {
                st.setString(1, readingTypeId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) return new int[] {-1, 0};
                    int uom = rs.getInt(1);
                    return new int[] {rs.wasNull() ? -1 : uom, rs.getInt(2)};
                }
            }
        }

        /**
         * The rows of a kind that a bulk request's Subscriptions whose Authorization ids lie in {@code [firstId,
         * lastId]} reach through their usage points, within the feed's time bounds, in the order of {@link
         * UsageKind#selectBulk}, read as the caller goes.
         */
        public Cursor bulk(UsageKind kind, Bulk bulk, String firstId, String lastId, FeedQuery bounds)
                throws SQLException {
            return new Cursor(kind.selectBulk(bulk.clientId(), bulk.id(), firstId, lastId, Instant.now(), bounds)
                    .prepare(connection));
        }

        public Optional<Row> one(Reach reach, Selection s) throws Exception {
            List<Row> rows = all(reach, s);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    /**
     * A row read for one of several Authorizations, with its period, (MeterReadings) interval length and the shared
     * resource it names (null: none, or not read with it).
     */
    public record Owned(String authorizationId, Row row, Long start, Long duration, Long intervalLength, Row shared) {}

    /** Rows read one at a time, with a look at the next before taking it. */
    public static final class Cursor implements AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rs;
        /** Whether the statement selects a shared resource after the row's own columns. */
        private final boolean shared;

        private Owned next;

        Cursor(PreparedStatement statement) throws SQLException {
            this.statement = statement;
            statement.setFetchSize(64);
            this.rs = statement.executeQuery();
            this.shared = rs.getMetaData().getColumnCount() > 12;
            advance();
        }

        /** The next row, or null at the end. */
        public Owned peek() {
            return next;
        }

        /** Moves on; answers the new next row. */
        public Owned advance() throws SQLException {
            next = rs.next()
                    ? new Owned(
                            rs.getString(9),
                            row(rs, 0),
                            number(rs, 10),
                            number(rs, 11),
                            number(rs, 12),
                            shared && rs.getString(13) != null ? row(rs, 12) : null)
                    : null;
            return next;
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                rs.close();
            }
        }
    }

    private static Long number(ResultSet rs, int column) throws SQLException {
        long n = rs.getLong(column);
        return rs.wasNull() ? null : n;
    }

    @Inject
    ReadReplica replica;

    /** On the read replica when there is one: feeds are the reads it is there for. */
    public Reading open() throws SQLException {
        return new Reading(replica.forReads());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return row(rs, 0);
    }

    /** The row whose columns start after {@code skip} others; a shared resource's stop at its content. */
    private static Row row(ResultSet rs, int skip) throws SQLException {
        boolean own = skip == 0;
        return new Row(
                rs.getString(skip + 1),
                rs.getString(skip + 2),
                instant(rs, skip + 3),
                instant(rs, skip + 4),
                rs.getBytes(skip + 5),
                own ? rs.getString(6) : null,
                own ? rs.getString(7) : null,
                own ? rs.getString(8) : null);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
