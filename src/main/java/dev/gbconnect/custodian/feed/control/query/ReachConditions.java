package dev.gbconnect.custodian.feed.control.query;

import dev.gbconnect.custodian.atom.Sql;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.feed.control.reach.Reach;

/**
 * A {@link Reach} as the SQL conditions every feed query carries. Here, beside the queries, so that every statement a
 * feed runs is written in this package, and the reach itself stays a value its deciders can build without SQL.
 */
final class ReachConditions {

    private ReachConditions() {}

    /*
     * The conditions are correlated EXISTS probes by key rather than IN (subquery): Derby evaluated an uncorrelated
     * IN once per candidate row by scanning the subquery's table, which made a Subscription's batch four times
     * slower than the data custodian's on a database of 100M readings.
     */

    /** Restricts an SQL expression naming a usage point id to the usage points within reach. */
    static void usagePoints(Sql sql, Reach reach, String usagePointId) {
        if (reach.authorizationId() != null) {
            // Two single-table probes rather than one over a join: Derby flattens these into the query's joins.
            sql.add(
                    " AND EXISTS (SELECT 1 FROM SUBSCRIPTION_USAGE_POINT s WHERE s.USAGE_POINT_ID = " + usagePointId
                            + " AND s.AUTHORIZATION_ID = ?)"
                            + " AND EXISTS (SELECT 1 FROM ESPI_AUTHORIZATION a WHERE a.ID = ? AND a.STATUS = "
                            + Authorization.ACTIVE + ")",
                    reach.authorizationId(),
                    reach.authorizationId());
        } else if (reach.customerId() != null) {
            sql.add(
                    " AND EXISTS (SELECT 1 FROM USAGE_POINT c WHERE c.ID = " + usagePointId + " AND c.CUSTOMER_ID = ?)",
                    reach.customerId());
        }
        if (!reach.only().isEmpty())
            sql.add(
                    " AND " + usagePointId + " IN (" + Sql.marks(reach.only().size()) + ")",
                    reach.only().toArray());
    }

    /** Restricts an SQL expression naming a ReadingType id to the intervals the scope names. */
    static void readingTypes(Sql sql, Reach reach, String readingTypeId) {
        if (reach.intervals().isEmpty()) return;
        sql.add(
                " AND EXISTS (SELECT 1 FROM READING_TYPE i WHERE i.ID = " + readingTypeId
                        + " AND i.INTERVAL_LENGTH IN ("
                        + Sql.marks(reach.intervals().size()) + "))",
                reach.intervals().toArray());
    }

    /** Keeps rows whose period (start and duration columns, epoch seconds) overlaps the reachable time. */
    static void period(Sql sql, Reach reach, String start, String duration) {
        if (reach.from() != null)
            sql.add(" AND (" + start + " IS NULL OR " + start + " + COALESCE(" + duration + ", 0) > ?)", reach.from());
        if (reach.to() != null) sql.add(" AND (" + start + " IS NULL OR " + start + " < ?)", reach.to());
    }
}
