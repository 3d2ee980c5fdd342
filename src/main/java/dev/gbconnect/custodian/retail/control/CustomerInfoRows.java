package dev.gbconnect.custodian.retail.control;

import dev.gbconnect.custodian.atom.DocumentRead;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Sql;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.platform.CustodianApplication;
import dev.gbconnect.custodian.retail.entity.CustomerKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads stored customer information through plain JDBC, forward-only and one row in memory at a time, every query
 * bounded by the caller's {@link CustomerInfoReach}. Rows come in tree order (customer, then path below it), so a
 * parent always comes right before its descendants.
 */
@ApplicationScoped
public class CustomerInfoRows {

    private static final String COLUMNS = "SELECT x.ID, x.KIND, x.CUSTOMER_ID, x.RESOURCE_PATH, x.PARENT_ID, x.TITLE,"
            + " x.PUBLISHED, x.UPDATED, x.CONTENT FROM CUSTOMER_RESOURCE x WHERE 1 = 1";

    /** One stored resource as a document writes it. */
    public record Row(
            String id,
            CustomerKind kind,
            String customerId,
            String path,
            String parentId,
            String title,
            Instant published,
            Instant updated,
            byte[] content) {}

    /**
     * What to read: rows of one kind (null: every kind, for a batch), of one customer, below one parent, at one path
     * or with one id (null: any), and a feed's time bounds and page.
     */
    public record Selection(
            CustomerKind kind, String customerId, String parentId, String path, String id, FeedQuery query) {}

    /** A UsagePoint a ServiceLocation serves ({@link Reading#served}). */
    public record Served(String usagePointId, String sourceHref, boolean reached) {}

    @FunctionalInterface
    public interface Each {
        void accept(Row row) throws Exception;
    }

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    public Reading open() throws SQLException {
        return new Reading(dataSource.getConnection());
    }

    /** A read for one document ({@link DocumentRead}). */
    public static final class Reading extends DocumentRead {

        Reading(Connection connection) throws SQLException {
            super(connection);
        }

        public void each(CustomerInfoReach reach, Selection s, Each each) throws Exception {
            try (PreparedStatement st = select(reach, s).prepare(connection)) {
                st.setFetchSize(64);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) each.accept(row(rs));
                }
            }
        }

        public Optional<Row> one(CustomerInfoReach reach, Selection s) throws Exception {
            List<Row> rows = new ArrayList<>(1);
            each(reach, s, rows::add);
            return rows.stream().findFirst();
        }

        /**
         * The UsagePoints a ServiceLocation serves, each with the self link it was uploaded with (a ServiceLocation
         * names its UsagePoints by such links) and whether the reach holds it.
         */
        public List<Served> served(CustomerInfoReach reach, String serviceLocationId) throws SQLException {
            Set<String> reached =
                    !reach.byUsagePoints() ? null : reach.any() ? reached(reach, serviceLocationId) : Set.of();
            List<Served> served = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement("SELECT lu.USAGE_POINT_ID, u.SOURCE_HREF FROM"
                    + " SERVICE_LOCATION_USAGE_POINT lu JOIN USAGE_POINT u ON u.ID = lu.USAGE_POINT_ID"
                    + " WHERE lu.SERVICE_LOCATION_ID = ? ORDER BY lu.USAGE_POINT_ID")) {
                st.setString(1, serviceLocationId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next())
                        served.add(new Served(
                                rs.getString(1),
                                rs.getString(2),
                                reached == null || reached.contains(rs.getString(1))));
                }
            }
            return served;
        }

        private Set<String> reached(CustomerInfoReach reach, String serviceLocationId) throws SQLException {
            Sql sql = new Sql("SELECT lu.USAGE_POINT_ID");
            ties(sql, reach);
            sql.add(" AND l.ID = ?", serviceLocationId);
            Set<String> ids = new HashSet<>();
            try (PreparedStatement st = sql.prepare(connection);
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static Sql select(CustomerInfoReach reach, Selection s) {
        Sql sql = new Sql(COLUMNS);
        if (reach.customerId() != null) sql.add(" AND x.CUSTOMER_ID = ?", reach.customerId());
        if (reach.byUsagePoints()) shared(sql, reach);
        if (s.kind() != null) sql.add(" AND x.KIND = ?", s.kind().espiName());
        if (s.customerId() != null) sql.add(" AND x.CUSTOMER_ID = ?", s.customerId());
        if (s.parentId() != null) sql.add(" AND x.PARENT_ID = ?", s.parentId());
        if (s.path() != null) sql.add(" AND x.RESOURCE_PATH = ?", s.path());
        if (s.id() != null) sql.add(" AND x.ID = ?", s.id());
        FeedQuery q = s.query() == null ? FeedQuery.ALL : s.query();
        q.bound(sql, null, null);
        sql.add(" ORDER BY x.CUSTOMER_ID, x.RESOURCE_PATH");
        q.page(sql);
        return sql;
    }

    /**
     * Keeps the rows a reach by usage points shares (CustomerInfoReach). A row is shared when a ServiceLocation of
     * the same customer that serves a reached UsagePoint is the row itself, hangs below the row (the row is its
     * Customer, CustomerAccount or CustomerAgreement) or holds the row (its Meters and EndDevices); or when the row is
     * a Statement, ServiceSupplier or ProgramDateIdMappings of an account or agreement above such a location. Paths
     * are kind and id pairs, so a prefix ending in a slash is an ancestor.
     */
    private static void shared(Sql sql, CustomerInfoReach reach) {
        if (!reach.any()) {
            sql.add(" AND 1 = 0");
            return;
        }
        sql.add(" AND EXISTS (SELECT 1");
        ties(sql, reach);
        sql.add(" AND l.CUSTOMER_ID = x.CUSTOMER_ID"
                + " AND (l.RESOURCE_PATH = x.RESOURCE_PATH"
                + " OR l.RESOURCE_PATH LIKE (x.RESOURCE_PATH || '/%')"
                + " OR x.RESOURCE_PATH LIKE (l.RESOURCE_PATH || '/%')"
                + " OR (x.KIND IN ('Statement', 'ServiceSupplier', 'ProgramDateIdMappings')"
                + " AND EXISTS (SELECT 1 FROM CUSTOMER_RESOURCE p WHERE p.ID = x.PARENT_ID"
                + " AND l.RESOURCE_PATH LIKE (p.RESOURCE_PATH || '/%')))))");
    }

    /**
     * {@code FROM … WHERE …} of the ties {@code lu} from ServiceLocations {@code l} to the UsagePoints the reach
     * holds: those of the active Authorizations' Subscriptions (of the location's own customer), or those named.
     */
    private static void ties(Sql sql, CustomerInfoReach reach) {
        List<String> ids = reach.ids();
        if (reach.authorizationIds() != null) {
            sql.add(" FROM ESPI_AUTHORIZATION a"
                    + " JOIN SUBSCRIPTION_USAGE_POINT s ON s.AUTHORIZATION_ID = a.ID"
                    + " JOIN SERVICE_LOCATION_USAGE_POINT lu ON lu.USAGE_POINT_ID = s.USAGE_POINT_ID"
                    + " JOIN CUSTOMER_RESOURCE l ON l.ID = lu.SERVICE_LOCATION_ID"
                    + " WHERE a.STATUS = " + Authorization.ACTIVE + " AND a.CUSTOMER_ID = l.CUSTOMER_ID AND a.ID");
        } else {
            sql.add(" FROM SERVICE_LOCATION_USAGE_POINT lu JOIN CUSTOMER_RESOURCE l ON l.ID = lu.SERVICE_LOCATION_ID"
                    + " WHERE lu.USAGE_POINT_ID");
        }
        sql.add(" IN (" + Sql.marks(ids.size()) + ")", ids.toArray());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString(1),
                CustomerKind.named(rs.getString(2)).orElseThrow(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                instant(rs, 7),
                instant(rs, 8),
                rs.getBytes(9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
