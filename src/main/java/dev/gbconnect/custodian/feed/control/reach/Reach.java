package dev.gbconnect.custodian.feed.control.reach;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import java.time.Instant;
import java.util.List;

/**
 * Which usage data a caller may read: everything (the data custodian), one customer's (Download My Data by the
 * admin), or one Authorization's Subscription: the usage points the customer chose, while the Authorization is
 * active, readings within its period (from the scope's HistoryLength to the customer's "until"), MeterReadings whose
 * interval the scope names. Every feed query joins it in SQL ({@code query.ReachConditions}).
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

    /** Does the reachable time hold all of {@code [start, end)} (epoch seconds)? */
    public boolean covers(long start, long end) {
        return (from == null || start >= from) && (to == null || end <= to);
    }

    /**
     * Does a row whose period is {@code [start, start + duration)} (epoch seconds; null: none) overlap the reachable
     * time? The same test as the SQL of {@code query.ReachConditions.period}, for rows read for many reaches at once.
     */
    public boolean overlaps(Long start, Long duration) {
        if (start == null) return true;
        return (from == null || start + (duration == null ? 0 : duration) > from) && (to == null || start < to);
    }

    /** Does the scope name this interval length (seconds; null: the ReadingType has none)? All, when it names none. */
    public boolean readsInterval(Long intervalLength) {
        return intervals.isEmpty() || (intervalLength != null && intervals.contains(intervalLength));
    }

    public boolean timeBounded() {
        return from != null || to != null;
    }

    private static Long seconds(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
