package dev.gbconnect.custodian.feed.control;

/**
 * The ESPI usage resources feeds serve, and how each is read: its table, the usage point and MeterReading it
 * belongs to (SQL expressions, for access checks and parent paths), the ReadingType that gives its interval, the
 * period it covers, and its feed order. Every query selects the same columns: id, title, published, updated, the
 * stored content, usage point, MeterReading, related resource.
 */
public enum UsageKind {
    USAGE_POINT(
            "UsagePoint",
            "USAGE_POINT x",
            "x.CONTENT",
            "x.ID",
            null,
            "x.LOCAL_TIME_PARAMETERS_ID",
            null,
            null,
            null,
            "x.ID"),
    METER_READING(
            "MeterReading",
            "METER_READING x",
            "x.CONTENT",
            "x.USAGE_POINT_ID",
            "x.ID",
            "x.READING_TYPE_ID",
            "x.READING_TYPE_ID",
            null,
            null,
            "x.ID"),
    /*
     * The MeterReading comes first and is named by its key, so Derby probes the reach once, not once per block, and
     * reads the blocks in (MeterReading, start, id) index order without sorting them.
     */
    INTERVAL_BLOCK(
            "IntervalBlock",
            "METER_READING m JOIN INTERVAL_BLOCK x ON x.METER_READING_ID = m.ID",
            "x.READINGS",
            "m.USAGE_POINT_ID",
            "m.ID",
            null,
            "m.READING_TYPE_ID",
            "x.INTERVAL_START",
            "x.INTERVAL_DURATION",
            "x.INTERVAL_START, x.ID"),
    USAGE_SUMMARY(
            "UsageSummary",
            "USAGE_SUMMARY x",
            "x.CONTENT",
            "x.USAGE_POINT_ID",
            null,
            null,
            null,
            "x.BILLING_PERIOD_START",
            "x.BILLING_PERIOD_DURATION",
            "x.BILLING_PERIOD_START, x.ID"),
    POWER_QUALITY_SUMMARY(
            "ElectricPowerQualitySummary",
            "POWER_QUALITY_SUMMARY x",
            "x.CONTENT",
            "x.USAGE_POINT_ID",
            null,
            null,
            null,
            "x.SUMMARY_START",
            "x.SUMMARY_DURATION",
            "x.SUMMARY_START, x.ID"),
    /** Shared: reachable through the MeterReadings that use it. */
    READING_TYPE("ReadingType", "READING_TYPE x", "x.CONTENT", null, null, null, "x.ID", null, null, "x.ID"),
    /** Shared: reachable through the usage points that name it. */
    LOCAL_TIME_PARAMETERS(
            "LocalTimeParameters", "LOCAL_TIME_PARAMETERS x", "x.CONTENT", null, null, null, null, null, null, "x.ID");

    private static final String NONE = "CAST(NULL AS VARCHAR(36))";

    private final String espiName,
            from,
            payload,
            usagePoint,
            meterReading,
            related,
            readingType,
            start,
            duration,
            order;

    UsageKind(
            String espiName,
            String from,
            String payload,
            String usagePoint,
            String meterReading,
            String related,
            String readingType,
            String start,
            String duration,
            String order) {
        this.espiName = espiName;
        this.from = from;
        this.payload = payload;
        this.usagePoint = usagePoint;
        this.meterReading = meterReading;
        this.related = related;
        this.readingType = readingType;
        this.start = start;
        this.duration = duration;
        this.order = order;
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
        Sql sql = new Sql("SELECT x.ID, x.TITLE, x.PUBLISHED, x.UPDATED, " + payload + ", " + or(usagePoint) + ", "
                + or(meterReading) + ", " + or(related) + " FROM " + from + " WHERE 1 = 1");
        if (id != null) sql.add(" AND x.ID = ?", id);
        if (usagePointId != null) sql.add(" AND " + usagePoint + " = ?", usagePointId);
        if (meterReadingId != null) sql.add(" AND " + meterReading + " = ?", meterReadingId);
        within(sql, reach);
        if (query != null) query.bound(sql, this == INTERVAL_BLOCK ? start : null, duration);
        sql.add(" ORDER BY " + order);
        if (query != null) query.page(sql);
        return sql;
    }

    private void within(Sql sql, Reach reach) {
        if (usagePoint != null) reach.usagePoints(sql, usagePoint);
        else if (this == READING_TYPE)
            reach.usagePoints(
                    sql.add(" AND x.ID IN (SELECT r.READING_TYPE_ID FROM METER_READING r WHERE 1 = 1"),
                    "r.USAGE_POINT_ID");
        else
            reach.usagePoints(
                    sql.add(" AND x.ID IN (SELECT p.LOCAL_TIME_PARAMETERS_ID FROM USAGE_POINT p WHERE 1 = 1"), "p.ID");
        if (usagePoint == null) sql.add(")");
        if (readingType != null) reach.readingTypes(sql, readingType);
        if (start != null) reach.period(sql, start, duration);
    }

    private static String or(String column) {
        return column == null ? NONE : column;
    }
}
