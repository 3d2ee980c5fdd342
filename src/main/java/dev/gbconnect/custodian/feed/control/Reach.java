package dev.gbconnect.custodian.feed.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import java.time.Instant;
import java.util.List;

/**
 * Which usage data a caller may read, as conditions that every feed query joins in SQL: everything (the data
 * custodian), one customer's (Download My Data by the admin), or one Authorization's Subscription: the usage points
 * the customer chose, while the Authorization is active, readings within its period (from the scope's
 * HistoryLength to the customer's "until"), MeterReadings whose interval the scope names.
 */
public record Reach(
        String customerId, String authorizationId, Long from, Long to, List<Long> intervals, List<String> only) {

    public static final Reach EVERYTHING = new Reach(null, null, null, null, List.of(), List.of());

    public static Reach customer(String customerId) {
        return new Reach(customerId, null, null, null, List.of(), List.of());
    }

    /** Download My Data: some of a customer's usage points (none named: all), readings within {@code [from, to)}. */
    public static Reach download(String customerId, List<String> usagePointIds, Instant from, Instant to) {
        return new Reach(customerId, null, seconds(from), seconds(to), List.of(), List.copyOf(usagePointIds));
    }

    public static Reach of(Authorization a) {
        return new Reach(
                null,
                a.id(),
                seconds(a.publishedStart()),
                seconds(a.authorizedEnd()),
                EspiScope.parse(a.scope()).intervals(),
                List.of());
    }

    /*
     * The conditions are correlated EXISTS probes by key rather than IN (subquery): Derby evaluated an uncorrelated
     * IN once per candidate row by scanning the subquery's table, which made a Subscription's batch four times
     * slower than the data custodian's on a database of 100M readings.
     */

    /** Restricts an SQL expression naming a usage point id to the usage points within reach. */
    void usagePoints(Sql sql, String usagePointId) {
        if (authorizationId != null) {
            // Two single-table probes rather than one over a join: Derby flattens these into the query's joins.
            sql.add(
                    " AND EXISTS (SELECT 1 FROM SUBSCRIPTION_USAGE_POINT s WHERE s.USAGE_POINT_ID = " + usagePointId
                            + " AND s.AUTHORIZATION_ID = ?)"
                            + " AND EXISTS (SELECT 1 FROM ESPI_AUTHORIZATION a WHERE a.ID = ? AND a.STATUS = "
                            + Authorization.ACTIVE + ")",
                    authorizationId,
                    authorizationId);
        } else if (customerId != null) {
            sql.add(
                    " AND EXISTS (SELECT 1 FROM USAGE_POINT c WHERE c.ID = " + usagePointId + " AND c.CUSTOMER_ID = ?)",
                    customerId);
        }
        if (!only.isEmpty()) sql.add(" AND " + usagePointId + " IN (" + Sql.marks(only.size()) + ")", only.toArray());
    }

    /** Restricts an SQL expression naming a ReadingType id to the intervals the scope names. */
    void readingTypes(Sql sql, String readingTypeId) {
        if (intervals.isEmpty()) return;
        sql.add(
                " AND EXISTS (SELECT 1 FROM READING_TYPE i WHERE i.ID = " + readingTypeId
                        + " AND i.INTERVAL_LENGTH IN (" + Sql.marks(intervals.size()) + "))",
                intervals.toArray());
    }

    /** Keeps rows whose period (start and duration columns, epoch seconds) overlaps the reachable time. */
    void period(Sql sql, String start, String duration) {
        if (from != null)
            sql.add(" AND (" + start + " IS NULL OR " + start + " + COALESCE(" + duration + ", 0) > ?)", from);
        if (to != null) sql.add(" AND (" + start + " IS NULL OR " + start + " < ?)", to);
    }

    /** Does the reachable time hold all of {@code [start, end)} (epoch seconds)? */
    public boolean covers(long start, long end) {
        return (from == null || start >= from) && (to == null || end <= to);
    }

    public boolean timeBounded() {
        return from != null || to != null;
    }

    private static Long seconds(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
