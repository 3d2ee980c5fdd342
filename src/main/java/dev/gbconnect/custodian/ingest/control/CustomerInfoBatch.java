package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.atom.Sql;
import dev.gbconnect.custodian.retail.entity.CustomerResource;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The rows of a bulk upload of customer information, written through plain JDBC on the transaction's connection a
 * chunk of customers at a time: one statement finds and holds the chunk's stored customers, one reads their stored
 * resources, and the chunk's new customers, new resources and changed ones go out as JDBC batches. A resource equal
 * to its stored row is not written at all. The entity layer did the same work one customer at a time, with a read
 * and a flush per customer (docs/performance.md, bulk customer information); the rows are the ones it writes.
 *
 * <p>Each chunk's lookups are one statement that probes an index, never a scan: PostgreSQL takes the ids as one array
 * ({@code = ANY(?)}); Derby takes an IN list, which it answers by probing the index once per value, but only when
 * its optimizer expects that to be cheaper than a scan: a plan compiled while the table was small, early in a large
 * upload, scanned the whole table for every chunk, so the statement names the index. The list always has
 * {@link #CHUNK} values (the last one repeated), so each statement is compiled once. The ids are sorted, so two
 * uploads holding some of the same customers take their locks in the same order.
 */
final class CustomerInfoBatch implements CustomerInfoRun.Store, AutoCloseable {

    /** Customers per chunk: the heap holds one chunk's entries and stored rows. */
    static final int CHUNK = 500;

    private static final String STORED_COLUMNS = "SELECT ID, PARENT_ID, RESOURCE_PATH, TITLE, PUBLISHED, UPDATED,"
            + " SOURCE_ID, SOURCE_HREF, CONTENT, ACCOUNT_ID FROM CUSTOMER_RESOURCE";

    private static final String
            HOLD_POSTGRES = "SELECT ID FROM RETAIL_CUSTOMER WHERE ID = ANY(?) ORDER BY ID FOR UPDATE",
            LOAD_POSTGRES = STORED_COLUMNS + " WHERE CUSTOMER_ID = ANY(?)",
            LOAD_DERBY =
                    STORED_COLUMNS + " --DERBY-PROPERTIES index=CUSTOMER_RESOURCE_PATH\n WHERE CUSTOMER_ID IN ("
                            + Sql.marks(CHUNK) + ")";

    /** A stored resource, as compared with the file's. */
    private record Stored(
            String parentId,
            String path,
            String title,
            Instant published,
            Instant updated,
            String sourceId,
            String sourceHref,
            byte[] content,
            String accountId) {}

    private final Problems problems;
    private final Connection connection;
    private final boolean postgres;
    private final PreparedStatement hold, load, servedOf;
    private final PreparedStatement insertCustomer, insertResource, updateResource, deleteServed, insertServed;
    private final List<PreparedStatement> inOrder;
    private final int[] pending = new int[5];
    private final Map<String, Stored> stored = new HashMap<>();
    private final long now = Instant.now().toEpochMilli();

    private CustomerInfoBatch(Problems problems, Connection connection) throws SQLException {
        this.problems = problems;
        this.connection = connection;
        postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        hold = connection.prepareStatement(postgres ? HOLD_POSTGRES : holdDerby());
        load = connection.prepareStatement(postgres ? LOAD_POSTGRES : LOAD_DERBY);
        servedOf = connection.prepareStatement(
                "SELECT USAGE_POINT_ID FROM SERVICE_LOCATION_USAGE_POINT WHERE SERVICE_LOCATION_ID = ?");
        insertCustomer = connection.prepareStatement("INSERT INTO RETAIL_CUSTOMER"
                + " (ID, CREATED_AT, ENABLED, NAME, PASSWORD_HASH, USERNAME) VALUES (?, ?, ?, ?, NULL, ?)");
        insertResource = connection.prepareStatement("INSERT INTO CUSTOMER_RESOURCE (ID, CUSTOMER_ID, KIND,"
                + " PARENT_ID, RESOURCE_PATH, TITLE, PUBLISHED, UPDATED, SOURCE_ID, SOURCE_HREF, CONTENT, ACCOUNT_ID)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateResource = connection.prepareStatement("UPDATE CUSTOMER_RESOURCE SET PARENT_ID = ?, RESOURCE_PATH = ?,"
                + " TITLE = ?, PUBLISHED = ?, UPDATED = ?, SOURCE_ID = ?, SOURCE_HREF = ?, CONTENT = ?, ACCOUNT_ID = ?"
                + " WHERE ID = ?");
        deleteServed =
                connection.prepareStatement("DELETE FROM SERVICE_LOCATION_USAGE_POINT WHERE SERVICE_LOCATION_ID = ?");
        insertServed = connection.prepareStatement(
                "INSERT INTO SERVICE_LOCATION_USAGE_POINT (SERVICE_LOCATION_ID, USAGE_POINT_ID) VALUES (?, ?)");
        // Parents before children: the customers before their resources, a location's rows before its ties.
        inOrder = List.of(insertCustomer, insertResource, updateResource, deleteServed, insertServed);
    }

    /** On the connection of the caller's transaction (the pool hands the one the transaction already uses). */
    static CustomerInfoBatch open(DataSource dataSource, Problems problems) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return new CustomerInfoBatch(problems, connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw failed(e);
        }
    }

    /**
     * Of these customers (at most {@link #CHUNK}), those stored, each held until the transaction ends as one customer's
     * upload holds it (UploadPass), so their uploads take turns; their stored resources are read for {@link #store}.
     */
    Set<String> holdStored(Collection<String> customerIds) {
        try {
            Set<String> found = new HashSet<>();
            each(hold, customerIds, rs -> found.add(rs.getString(1)));
            stored.clear();
            if (!found.isEmpty())
                each(
                        load,
                        found,
                        rs -> stored.put(
                                rs.getString(1),
                                new Stored(
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        instant(rs, 5),
                                        instant(rs, 6),
                                        rs.getString(7),
                                        rs.getString(8),
                                        rs.getBytes(9),
                                        rs.getString(10))));
            return found;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** A customer this upload creates, without a password (docs/design.md), as {@code RetailCustomer} has it. */
    void createCustomer(String id, String username, String name) {
        if (problems.any()) return;
        try {
            insertCustomer.setString(1, id);
            insertCustomer.setLong(2, now);
            insertCustomer.setBoolean(3, true);
            insertCustomer.setString(4, name);
            insertCustomer.setString(5, username);
            add(insertCustomer);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public ImportTally.Outcome store(CustomerInfoRun.Resource r) {
        try {
            Stored was = r.fresh() ? null : stored.get(r.id());
            Stored file = row(r);
            if (was == null) {
                insert(r, file);
                return ImportTally.Outcome.CREATED;
            }
            boolean changed = !same(was, file);
            // A row stored before its account number had a column gets it, without counting as a change of data.
            if (changed || !Objects.equals(was.accountId(), file.accountId())) update(r.id(), file);
            if (r.usagePoints() != null && !r.usagePoints().equals(served(r.id()))) {
                deleteServed.setString(1, r.id());
                add(deleteServed);
                serve(r);
                changed = true;
            }
            return changed ? ImportTally.Outcome.UPDATED : ImportTally.Outcome.UNCHANGED;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The row the file gives a resource. */
    private static Stored row(CustomerInfoRun.Resource r) {
        AtomEntry e = r.entry();
        return new Stored(
                r.parentId(),
                r.path(),
                e.title(),
                e.published(),
                e.updated(),
                e.atomId(),
                e.self(),
                r.content().xml(),
                CustomerResource.accountNumber(r.kind().espiName(), r.content().fields()));
    }

    /** Sends the chunk's batches; nothing once the upload has a problem (it rolls back anyway). */
    void execute() {
        if (problems.any()) return;
        try {
            for (int i = 0; i < inOrder.size(); i++) {
                if (pending[i] > 0) inOrder.get(i).executeBatch();
                pending[i] = 0;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void finish() {
        execute();
    }

    @Override
    public void close() {
        try (connection) {
            for (PreparedStatement s : List.of(hold, load, servedOf)) s.close();
            for (PreparedStatement s : inOrder) s.close();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void insert(CustomerInfoRun.Resource r, Stored row) throws SQLException {
        insertResource.setString(1, r.id());
        insertResource.setString(2, r.customerId());
        insertResource.setString(3, r.kind().espiName());
        columns(insertResource, 4, row);
        add(insertResource);
        if (r.usagePoints() != null) serve(r);
    }

    private void update(String id, Stored row) throws SQLException {
        columns(updateResource, 1, row);
        updateResource.setString(10, id);
        add(updateResource);
    }

    /** The row's nine columns from marker {@code first} on, in the order both the INSERT and the UPDATE name them. */
    private static void columns(PreparedStatement s, int first, Stored row) throws SQLException {
        s.setString(first, row.parentId());
        s.setString(first + 1, row.path());
        s.setString(first + 2, row.title());
        millis(s, first + 3, row.published());
        millis(s, first + 4, row.updated());
        s.setString(first + 5, row.sourceId());
        s.setString(first + 6, row.sourceHref());
        s.setBytes(first + 7, row.content());
        s.setString(first + 8, row.accountId());
    }

    private void serve(CustomerInfoRun.Resource r) throws SQLException {
        for (String usagePoint : r.usagePoints()) {
            insertServed.setString(1, r.id());
            insertServed.setString(2, usagePoint);
            add(insertServed);
        }
    }

    /** The UsagePoints a stored ServiceLocation serves. */
    private Set<String> served(String serviceLocationId) throws SQLException {
        Set<String> ids = new HashSet<>();
        servedOf.setString(1, serviceLocationId);
        try (ResultSet rs = servedOf.executeQuery()) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    /**
     * As the entity compares them ({@code UsageResource.atom}, {@code DescribedResource.content},
     * {@code CustomerResource.place}), so both paths count the same file the same way.
     */
    private static boolean same(Stored a, Stored b) {
        return Objects.equals(a.parentId(), b.parentId())
                && Objects.equals(a.path(), b.path())
                && Objects.equals(a.title(), b.title())
                && Objects.equals(a.published(), b.published())
                && Objects.equals(a.updated(), b.updated())
                && Objects.equals(a.sourceId(), b.sourceId())
                && Objects.equals(a.sourceHref(), b.sourceHref())
                && Arrays.equals(a.content(), b.content());
    }

    private void add(PreparedStatement statement) throws SQLException {
        statement.addBatch();
        pending[inOrder.indexOf(statement)]++;
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a lookup by these ids: an array on PostgreSQL, the sorted IN list of {@link #CHUNK} values on Derby. */
    private void each(PreparedStatement query, Collection<String> ids, RowAction action) throws SQLException {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        if (postgres) {
            query.setArray(1, connection.createArrayOf("varchar", sorted.toArray()));
        } else {
            List<String> marks = Sql.padded(sorted, CHUNK);
            for (int i = 0; i < CHUNK; i++) query.setString(i + 1, marks.get(i));
        }
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) action.accept(rs);
        }
    }

    /** The update lock UploadPass takes for one customer's upload, held to the end (RS) as there. */
    private String holdDerby() throws SQLException {
        return "SELECT ID FROM RETAIL_CUSTOMER --DERBY-PROPERTIES constraint=\"" + primaryKeyOfRetailCustomer()
                + "\"\n WHERE ID IN (" + Sql.marks(CHUNK) + ") FOR UPDATE WITH RS";
    }

    /** The system-made name of the table's primary key, which Derby's optimizer override names it by. */
    private String primaryKeyOfRetailCustomer() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c"
                        + " JOIN SYS.SYSTABLES t ON t.TABLEID = c.TABLEID JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = t.SCHEMAID"
                        + " WHERE t.TABLENAME = 'RETAIL_CUSTOMER' AND c.TYPE = 'P' AND s.SCHEMANAME = CURRENT SCHEMA");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) throw new SQLException("RETAIL_CUSTOMER has no primary key in the current schema");
            return rs.getString(1);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void millis(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) s.setNull(index, Types.BIGINT);
        else s.setLong(index, instant.toEpochMilli());
    }

    /**
     * As the entity layer reports a failed statement, so the importer tells a concurrent upload (a unique key, a
     * deadlock) from any other failure the same way on both paths.
     */
    private static PersistenceException failed(SQLException e) {
        return new PersistenceException(e.getMessage(), e);
    }
}
