package dev.gbconnect.custodian.feed.control.query;

import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Sql;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ESPI usage resources feeds serve, and the SQL each is read with, built from named {@link Parts}. Every query
 * selects the same columns: id, title, published, updated, the stored content, usage point, MeterReading, related
 * resource; and orders by the period the rows cover (when they have one), then id.
 */
public enum UsageKind {
    USAGE_POINT("UsagePoint", table("USAGE_POINT x").usagePoint("x.ID").related("x.LOCAL_TIME_PARAMETERS_ID")),
    METER_READING(
            "MeterReading",
            table("METER_READING x")
                    .usagePoint("x.USAGE_POINT_ID")
                    .meterReading("x.ID")
                    .related("x.READING_TYPE_ID")
                    .readingType("x.READING_TYPE_ID")),
    /*
     * The MeterReading comes first and is named by its key, so Derby probes the reach once, not once per block, and
     * reads the blocks in (MeterReading, start, id) index order without sorting them.
     */
    INTERVAL_BLOCK(
            "IntervalBlock",
            table("METER_READING m JOIN INTERVAL_BLOCK x ON x.METER_READING_ID = m.ID")
                    .payload("x.READINGS")
                    .usagePoint("m.USAGE_POINT_ID")
                    .meterReading("m.ID")
                    .readingType("m.READING_TYPE_ID")
                    .period("x.INTERVAL_START", "x.INTERVAL_DURATION")),
    USAGE_SUMMARY(
            "UsageSummary",
            table("USAGE_SUMMARY x")
                    .usagePoint("x.USAGE_POINT_ID")
                    .period("x.BILLING_PERIOD_START", "x.BILLING_PERIOD_DURATION")),
    POWER_QUALITY_SUMMARY(
            "ElectricPowerQualitySummary",
            table("POWER_QUALITY_SUMMARY x")
                    .usagePoint("x.USAGE_POINT_ID")
                    .period("x.SUMMARY_START", "x.SUMMARY_DURATION")),
    /** Shared: reachable through the MeterReadings that use it. */
    READING_TYPE(
            "ReadingType",
            table("READING_TYPE x")
                    .readingType("x.ID")
                    .sharedThrough("SELECT r.READING_TYPE_ID FROM METER_READING r", "r.USAGE_POINT_ID")),
    /** Shared: reachable through the usage points that name it. */
    LOCAL_TIME_PARAMETERS(
            "LocalTimeParameters",
            table("LOCAL_TIME_PARAMETERS x")
                    .sharedThrough("SELECT p.LOCAL_TIME_PARAMETERS_ID FROM USAGE_POINT p", "p.ID"));

    /**
     * A kind's SQL by name. {@code from} names the kind's own rows {@code x}; {@code payload} is their stored content;
     * {@code usagePoint}, {@code meterReading}, {@code related} and {@code readingType} are the expressions naming the
     * usage point and MeterReading they belong to (for access checks and parent paths), the resource their entries
     * link to, and the ReadingType that gives their interval; {@code start} and {@code duration} the period they
     * cover (epoch seconds). A kind that belongs to no single usage point is {@code sharedThrough} a subquery
     * selecting its ids, whose {@code sharedUsagePoint} expression the reach restricts. Null: the kind has none.
     */
    private record Parts(
            String from,
            String payload,
            String usagePoint,
            String meterReading,
            String related,
            String readingType,
            String start,
            String duration,
            String sharedThrough,
            String sharedUsagePoint) {

        Parts payload(String expression) {
            return new Parts(
                    from,
                    expression,
                    usagePoint,
                    meterReading,
                    related,
                    readingType,
                    start,
                    duration,
                    sharedThrough,
                    sharedUsagePoint);
        }

        Parts usagePoint(String expression) {
            return new Parts(
                    from,
                    payload,
                    expression,
                    meterReading,
                    related,
                    readingType,
                    start,
                    duration,
                    sharedThrough,
                    sharedUsagePoint);
        }

        Parts meterReading(String expression) {
            return new Parts(
                    from,
                    payload,
                    usagePoint,
                    expression,
                    related,
                    readingType,
                    start,
                    duration,
                    sharedThrough,
                    sharedUsagePoint);
        }

        Parts related(String expression) {
            return new Parts(
                    from,
                    payload,
                    usagePoint,
                    meterReading,
                    expression,
                    readingType,
                    start,
                    duration,
                    sharedThrough,
                    sharedUsagePoint);
        }

        Parts readingType(String expression) {
            return new Parts(
                    from,
                    payload,
                    usagePoint,
                    meterReading,
                    related,
                    expression,
                    start,
                    duration,
                    sharedThrough,
                    sharedUsagePoint);
        }

        Parts period(String startColumn, String durationColumn) {
            return new Parts(
                    from,
                    payload,
                    usagePoint,
                    meterReading,
                    related,
                    readingType,
                    startColumn,
                    durationColumn,
                    sharedThrough,
                    sharedUsagePoint);
        }

        Parts sharedThrough(String select, String usagePointExpression) {
            return new Parts(
                    from,
                    payload,
                    usagePoint,
                    meterReading,
                    related,
                    readingType,
                    start,
                    duration,
                    select,
                    usagePointExpression);
        }
    }

    private static final String NONE = "CAST(NULL AS VARCHAR(36))", NO_NUMBER = "CAST(NULL AS BIGINT)";

    /** Derby's optimizer overrides, which run to the end of their line. */
    private static final String DERBY = " --DERBY-PROPERTIES ", NESTED = DERBY + "joinStrategy=NESTEDLOOP\n";

    private final String espiName;
    private final Parts sql;
    /** The statement's fixed start and its order, assembled once. */
    private final String head, order;

    UsageKind(String espiName, Parts sql) {
        // Every row is reached through usage points: its own, or for a shared kind those that use it.
        if ((sql.usagePoint() == null) == (sql.sharedThrough() == null))
            throw new IllegalStateException(espiName + " needs either a usage point or a sharedThrough subquery");
        this.espiName = espiName;
        this.sql = sql;
        this.head = "SELECT x.ID, x.TITLE, x.PUBLISHED, x.UPDATED, " + sql.payload() + ", " + or(sql.usagePoint())
                + ", " + or(sql.meterReading()) + ", " + or(sql.related()) + " FROM " + sql.from() + " WHERE 1 = 1";
        this.order = sql.start() == null ? "x.ID" : sql.start() + ", x.ID";
    }

    /** The parts of a kind read from {@code from}, whose stored ESPI element is its CONTENT column. */
    private static Parts table(String from) {
        return new Parts(from, "x.CONTENT", null, null, null, null, null, null, null, null);
    }

    /** The ESPI resource name, as in paths and {@code espi-entry/…} link types. */
    public String espiName() {
        return espiName;
    }

    public static UsageKind named(String espiName) {
        for (UsageKind k : values()) if (k.espiName.equals(espiName)) return k;
        throw new IllegalArgumentException(espiName);
    }

    /** The rows of this kind within reach, below the given parents (null: any), with the feed's bounds and page. */
    Sql select(Reach reach, String usagePointId, String meterReadingId, String id, FeedQuery query) {
        Sql statement = new Sql(head);
        if (id != null) statement.add(" AND x.ID = ?", id);
        if (usagePointId != null) statement.add(" AND " + sql.usagePoint() + " = ?", usagePointId);
        if (meterReadingId != null) statement.add(" AND " + sql.meterReading() + " = ?", meterReadingId);
        within(statement, reach);
        if (query != null) query.bound(statement, this == INTERVAL_BLOCK ? sql.start() : null, sql.duration());
        statement.add(" ORDER BY " + order);
        if (query != null) query.page(statement);
        return statement;
    }

    /**
     * The rows of this kind in the usage points that a bulk request's Subscriptions share while active, for those of
     * its Authorizations whose ids lie in {@code [firstId, lastId]}: the third party's ({@code clientId}; null: every
     * third party's) active, unexpired Authorizations whose scope may carry {@code BR={bulkId}} (the caller keeps those
     * whose scope carries exactly it), with the time bounds of the feed; ordered by Authorization, then usage point,
     * MeterReading and as {@link #select} orders them, so that the cursors of the kinds can be merged as they stream.
     * Besides the usual columns: the Authorization, the row's period (start, duration), for MeterReadings their
     * ReadingType's interval length, which the caller checks against each Authorization's own reach ({@link
     * Reach#overlaps}, {@link Reach#readsInterval}), and the shared resource a row names (a usage point's
     * LocalTimeParameters, a MeterReading's ReadingType), so that none needs a statement of its own.
     */
    Sql selectBulk(String clientId, String bulkId, String firstId, String lastId, Instant now, FeedQuery bounds) {
        if (sql.usagePoint() == null) throw new IllegalStateException(espiName + " belongs to no usage point");
        String shared = this == USAGE_POINT ? "LOCAL_TIME_PARAMETERS" : this == METER_READING ? "READING_TYPE" : null;
        Sql statement = new Sql("SELECT x.ID, x.TITLE, x.PUBLISHED, x.UPDATED, " + sql.payload() + ", "
                + sql.usagePoint() + ", " + or(sql.meterReading()) + ", " + or(sql.related())
                + ", s.AUTHORIZATION_ID, " + orNumber(sql.start()) + ", " + orNumber(sql.duration()) + ", "
                + (this == METER_READING ? "i.INTERVAL_LENGTH" : NO_NUMBER)
                + (shared == null ? "" : ", i.ID, i.TITLE, i.PUBLISHED, i.UPDATED, i.CONTENT")
                + " FROM " + bulkJoins(shared)
                + " WHERE a.STATUS = " + Authorization.ACTIVE + " AND a.SUBSCRIPTION_ID IS NOT NULL");
        statement.add(" AND s.AUTHORIZATION_ID BETWEEN ? AND ?", firstId, lastId);
        // LIKE only narrows: a wildcard in the id, or BR=42 within BR=4242, is settled by the caller's exact test
        statement.add(" AND a.SCOPE LIKE ?", "%BR=" + bulkId + "%");
        statement.add(" AND (a.AUTHORIZED_END IS NULL OR a.AUTHORIZED_END > ?)", now.toEpochMilli());
        if (clientId != null) statement.add(" AND a.CLIENT_ID = ?", clientId);
        if (bounds != null) bounds.bound(statement, this == INTERVAL_BLOCK ? sql.start() : null, sql.duration());
        Set<String> orderBy = new LinkedHashSet<>(List.of("s.AUTHORIZATION_ID", sql.usagePoint()));
        if (sql.meterReading() != null) orderBy.add(sql.meterReading());
        orderBy.addAll(List.of(order.split(", ")));
        return statement.add(" ORDER BY " + String.join(", ", orderBy));
    }

    /**
     * A bulk statement's tables. For Derby, the range of the consent table first, then each row's Authorization,
     * usage data and blocks by key, as nested loops: left to itself it scanned the whole IntervalBlock table for a
     * day's bounds and hash-joined the rest, a plan whose cost grows with the table, not with the bulk. PostgreSQL
     * reads the overrides as comments.
     */
    private String bulkJoins(String shared) {
        return DERBY + "joinOrder=FIXED\n SUBSCRIPTION_USAGE_POINT s JOIN ESPI_AUTHORIZATION a" + NESTED
                + " ON a.ID = s.AUTHORIZATION_ID JOIN "
                + (this == INTERVAL_BLOCK
                        ? "METER_READING m" + NESTED + " ON m.USAGE_POINT_ID = s.USAGE_POINT_ID JOIN INTERVAL_BLOCK x"
                                + NESTED.replace("\n", ", index=IX_BLOCK_READING_START\n")
                                + " ON x.METER_READING_ID = m.ID"
                        : sql.from() + NESTED + " ON " + sql.usagePoint() + " = s.USAGE_POINT_ID")
                + (shared == null ? "" : " LEFT JOIN " + shared + " i" + NESTED + " ON i.ID = " + sql.related());
    }

    private void within(Sql statement, Reach reach) {
        if (sql.sharedThrough() == null) ReachConditions.usagePoints(statement, reach, sql.usagePoint());
        else {
            ReachConditions.usagePoints(
                    statement.add(" AND x.ID IN (" + sql.sharedThrough() + " WHERE 1 = 1"),
                    reach,
                    sql.sharedUsagePoint());
            statement.add(")");
        }
        if (sql.readingType() != null) ReachConditions.readingTypes(statement, reach, sql.readingType());
        if (sql.start() != null) ReachConditions.period(statement, reach, sql.start(), sql.duration());
    }

    private static String or(String column) {
        return column == null ? NONE : column;
    }

    private static String orNumber(String column) {
        return column == null ? NO_NUMBER : column;
    }
}
