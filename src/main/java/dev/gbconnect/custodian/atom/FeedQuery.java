package dev.gbconnect.custodian.atom;

import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The ESPI feed query parameters, applied in the database: {@code published-min/-max} and {@code updated-min/-max}
 * (xs:dateTime; without an offset, UTC), {@code start-index} (1-based) and {@code max-results} (or {@code depth},
 * which GBA's API description defines the same way; the smaller wins).
 */
public record FeedQuery(
        Instant publishedMin,
        Instant publishedMax,
        Instant updatedMin,
        Instant updatedMax,
        long startIndex,
        Long maxResults) {

    public static final FeedQuery ALL = new FeedQuery(null, null, null, null, 1, null);

    public static FeedQuery parse(MultivaluedMap<String, String> parameters) {
        Long max = count(parameters, "max-results", 0), depth = count(parameters, "depth", 0);
        Long start = count(parameters, "start-index", 1);
        Long size = max == null ? depth : depth == null ? max : Long.valueOf(Math.min(max, depth));
        return new FeedQuery(
                time(parameters, "published-min"),
                time(parameters, "published-max"),
                time(parameters, "updated-min"),
                time(parameters, "updated-max"),
                start == null ? 1 : start,
                size);
    }

    /** The paging alone, for the usage points of a batch. */
    public FeedQuery pageOnly() {
        return new FeedQuery(null, null, null, null, startIndex, maxResults);
    }

    /** The time bounds alone, for what a batch holds below its usage points. */
    public FeedQuery boundsOnly() {
        return new FeedQuery(publishedMin, publishedMax, updatedMin, updatedMax, 1, null);
    }

    /** The query for the first entry after this page: the feed goes on when it finds one. */
    public FeedQuery following() {
        return new FeedQuery(publishedMin, publishedMax, updatedMin, updatedMax, startIndex + maxResults, 1L);
    }

    /**
     * Adds the time bounds. IntervalBlocks ({@code start} and {@code duration} given) are selected by the time their
     * readings cover, as GBA's test reads these bounds: published-min at the start of the second block and
     * published-max at the end of the next-to-last leave all but the first and last.
     */
    public void bound(Sql sql, String start, String duration) {
        if (start != null) {
            if (publishedMin != null) sql.add(" AND " + start + " >= ?", publishedMin.getEpochSecond());
            if (publishedMax != null) {
                // The first condition is implied by the second, but only it bounds the index range the blocks are read
                // from.
                sql.add(
                        " AND " + start + " <= ? AND " + start + " + " + duration + " <= ?",
                        publishedMax.getEpochSecond(),
                        publishedMax.getEpochSecond());
            }
        } else {
            if (publishedMin != null) sql.add(" AND x.PUBLISHED >= ?", publishedMin.toEpochMilli());
            if (publishedMax != null) sql.add(" AND x.PUBLISHED <= ?", publishedMax.toEpochMilli());
        }
        if (updatedMin != null) sql.add(" AND x.UPDATED >= ?", updatedMin.toEpochMilli());
        if (updatedMax != null) sql.add(" AND x.UPDATED <= ?", updatedMax.toEpochMilli());
    }

    /** One page of rows, and whether the feed goes on after it. */
    public record Slice<T>(List<T> rows, boolean more) {}

    /**
     * The time bounds as JPQL conditions, for feeds of entities (ApplicationInformation, Authorization) whose Atom
     * published and updated times are the Instant attributes named here; {@link #read} binds them.
     */
    public String jpql(String published, String updated) {
        return (publishedMin == null ? "" : " AND " + published + " >= :publishedMin")
                + (publishedMax == null ? "" : " AND " + published + " <= :publishedMax")
                + (updatedMin == null ? "" : " AND " + updated + " >= :updatedMin")
                + (updatedMax == null ? "" : " AND " + updated + " <= :updatedMax");
    }

    /** Runs a query built with {@link #jpql} for this page; one row more than the page tells whether more follow. */
    public <T> Slice<T> read(TypedQuery<T> q) {
        if (publishedMin != null) q.setParameter("publishedMin", publishedMin);
        if (publishedMax != null) q.setParameter("publishedMax", publishedMax);
        if (updatedMin != null) q.setParameter("updatedMin", updatedMin);
        if (updatedMax != null) q.setParameter("updatedMax", updatedMax);
        q.setFirstResult((int) (startIndex - 1));
        if (maxResults != null) q.setMaxResults((int) Math.min(Integer.MAX_VALUE, maxResults + 1));
        List<T> rows = q.getResultList();
        boolean more = maxResults != null && rows.size() > maxResults;
        return new Slice<>(more ? rows.subList(0, maxResults.intValue()) : rows, more);
    }

    public void page(Sql sql) {
        if (startIndex > 1) sql.add(" OFFSET ? ROWS", startIndex - 1);
        if (maxResults != null) sql.add(" FETCH NEXT ? ROWS ONLY", maxResults);
    }

    private static Instant time(MultivaluedMap<String, String> parameters, String name) {
        String v = single(parameters, name);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw invalid(name + " must be an xs:dateTime such as 2025-01-01T00:00:00Z, not '" + v + "'");
            }
        }
    }

    private static Long count(MultivaluedMap<String, String> parameters, String name, long least) {
        String v = single(parameters, name);
        if (v == null) return null;
        try {
            long n = Long.parseLong(v);
            if (n >= least && n <= Integer.MAX_VALUE) return n;
        } catch (NumberFormatException e) {
            // answered below with the rule
        }
        throw invalid(name + " must be a whole number from " + least + ", not '" + v + "'");
    }

    private static String single(MultivaluedMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) return null;
        if (values.size() > 1) throw invalid(name + " appears more than once");
        return values.get(0).trim();
    }

    private static ApiException invalid(String message) {
        return ApiError.INVALID_PARAMETER.because(message);
    }
}
