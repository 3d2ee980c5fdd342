package dev.gbconnect.custodian.usage.entity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * A usage point's local time, from its ESPI LocalTimeParameters: the standard offset ({@code tzOffset}) and, when
 * both DST rules are usable, the daylight offset ({@code tzOffset + dstOffset}) between the instants the rules give
 * each year. Customers read days, months and "until" dates in it: a day is local midnight to local midnight, so a
 * DST day has 23 or 25 hours. Without parameters (or with rules espi.xsd calls disabled) the time is a fixed offset.
 *
 * <p>The rule times are wall-clock times (the local time in force just before the change: standard time for the
 * start, daylight time for the end), as North American and European rules are written: espi.xsd's "2:00 on the
 * second Sunday of March" is 02:00 EST, its November one 02:00 EDT.
 */
public final class LocalTimeRules {

    public static final LocalTimeRules UTC = new LocalTimeRules(ZoneOffset.UTC, ZoneOffset.UTC, null, null);

    /** espi.xsd DstRuleType: "Rule value of 0xFFFFFFFF means rule processing/DST correction is disabled." */
    private static final long DISABLED = 0xFFFFFFFFL;

    private final ZoneOffset standard, daylight;
    private final ZoneOffsetTransitionRule start, end;

    private LocalTimeRules(
            ZoneOffset standard, ZoneOffset daylight, ZoneOffsetTransitionRule start, ZoneOffsetTransitionRule end) {
        this.standard = standard;
        this.daylight = daylight;
        this.start = start;
        this.end = end;
    }

    /** The rules of these parameters; none (a usage point without LocalTimeParameters): UTC. */
    public static LocalTimeRules of(LocalTimeParameters p) {
        return p == null ? UTC : of(p.tzOffset(), p.dstOffset(), p.dstStartRule(), p.dstEndRule());
    }

    /** From the stored fields: offsets in seconds, rules as espi.xsd's hexBinary; whatever is missing is left out. */
    public static LocalTimeRules of(Long tzOffset, Long dstOffset, String dstStartRule, String dstEndRule) {
        ZoneOffset standard = offset(tzOffset == null ? 0 : tzOffset);
        ZoneOffset daylight =
                dstOffset == null || dstOffset == 0 ? null : offset(tzOffset == null ? 0 : tzOffset + dstOffset);
        ZoneOffsetTransitionRule start = daylight == null ? null : rule(dstStartRule, standard, standard, daylight);
        ZoneOffsetTransitionRule end = daylight == null ? null : rule(dstEndRule, standard, daylight, standard);
        return start == null || end == null
                ? new LocalTimeRules(standard, standard, null, null)
                : new LocalTimeRules(standard, daylight, start, end);
    }

    /**
     * The local time in which a customer reads the days of several usage points together (a share's last day, a
     * sign-in's time): theirs when they keep one; else the one whose days begin first (the largest standard offset),
     * so a share "until" a day ends by that day's midnight on every one of them; none: UTC.
     */
    public static LocalTimeRules common(Collection<LocalTimeRules> zones) {
        return zones.stream()
                .max(Comparator.comparing((LocalTimeRules z) -> z.standard.getTotalSeconds())
                        .thenComparing(z -> z.daylight.getTotalSeconds()))
                .orElse(UTC);
    }

    /** {@link #common} of the usage points {@code ids} among a customer's {@code zones}; no ids: all of them. */
    public static LocalTimeRules common(Map<String, LocalTimeRules> zones, Collection<String> ids) {
        return common(
                ids.isEmpty()
                        ? zones.values()
                        : ids.stream()
                                .filter(zones::containsKey)
                                .map(zones::get)
                                .toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalTimeRules r
                && standard.equals(r.standard)
                && daylight.equals(r.daylight)
                && Objects.equals(start, r.start)
                && Objects.equals(end, r.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(standard, daylight, start, end);
    }

    public ZoneOffset standardOffset() {
        return standard;
    }

    /** The summer offset, equal to {@link #standardOffset()} where no daylight saving time is observed. */
    public ZoneOffset daylightOffset() {
        return daylight;
    }

    public boolean observesDaylightSaving() {
        return start != null;
    }

    public ZoneOffset offsetAt(Instant t) {
        if (start == null) return standard;
        int year = t.atOffset(standard).getYear();
        Instant on = start.createTransition(year).getInstant(),
                off = end.createTransition(year).getInstant();
        // Southern hemisphere rules start in the spring of the year's end and end in the autumn of its beginning.
        boolean summer = on.isBefore(off) ? !t.isBefore(on) && t.isBefore(off) : !t.isBefore(on) || t.isBefore(off);
        return summer ? daylight : standard;
    }

    public LocalDateTime localTime(Instant t) {
        return LocalDateTime.ofInstant(t, offsetAt(t));
    }

    public LocalDate dayOf(Instant t) {
        return localTime(t).toLocalDate();
    }

    /**
     * When a reading is counted: at its middle, so that it lands in the local day (or month) it mostly covers even
     * when the meter data system cut it at another zone's midnight (a monthly gas reading from midnight UTC is the
     * month it is named after, not the last evening of the one before, in UTC−05:00).
     */
    public Instant countedAt(long start, long duration) {
        return Instant.ofEpochSecond(start + Math.max(0, duration) / 2);
    }

    /** The start of the local hour holding {@code t}: the two hours the clocks go back over stay apart. */
    public Instant hourOf(Instant t) {
        ZoneOffset o = offsetAt(t);
        return LocalDateTime.ofInstant(t, o).truncatedTo(ChronoUnit.HOURS).toInstant(o);
    }

    /**
     * The last local day a period ending at {@code end} (exclusive) includes: what to show for "until" when the
     * period was stored as the start of the next day. A share "until 2027-12-06" ends at the local midnight that
     * begins 2027-12-07 and is shown as 2027-12-06.
     */
    public LocalDate lastDay(Instant end) {
        return dayOf(end.minusNanos(1));
    }

    /** Local midnight of {@code day}, the instant its first hour begins. */
    public Instant startOf(LocalDate day) {
        return instantOf(day.atStartOfDay());
    }

    /** 24 hours, or 23 and 25 on the days the clocks change. */
    public Duration lengthOf(LocalDate day) {
        return Duration.between(startOf(day), startOf(day.plusDays(1)));
    }

    /**
     * The instant of a wall-clock time: the earlier one when the clocks went back over it, and for a time the
     * clocks skipped, the instant it would be had they not (later on the new wall clock, as java.time does).
     */
    public Instant instantOf(LocalDateTime local) {
        // The larger offset gives the earlier instant.
        boolean daylightFirst = daylight.getTotalSeconds() > standard.getTotalSeconds();
        for (ZoneOffset o :
                daylightFirst ? new ZoneOffset[] {daylight, standard} : new ZoneOffset[] {standard, daylight}) {
            Instant t = local.toInstant(o);
            if (offsetAt(t).equals(o)) return t;
        }
        return local.toInstant(standard);
    }

    /**
     * espi.xsd DstRuleType, bits 0-11 seconds, 12-16 hours, 17-19 day of week (1 = Monday), 20-24 day of month, 25-27
     * the operator, 28-31 the month; null when the rule is absent, disabled or describes no day.
     */
    static ZoneOffsetTransitionRule rule(String hex, ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
        long bits;
        try {
            bits = hex == null ? DISABLED : Long.parseLong(hex.trim(), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        int seconds = (int) (bits & 0xFFF),
                hours = (int) (bits >> 12 & 0x1F),
                weekday = (int) (bits >> 17 & 7),
                dayOfMonth = (int) (bits >> 20 & 0x1F),
                operator = (int) (bits >> 25 & 7),
                month = (int) (bits >> 28 & 0xF);
        if (bits == DISABLED || bits > DISABLED || month < 1 || month > 12 || hours > 23 || seconds > 3599) return null;
        int indicator = dayIndicator(operator, dayOfMonth, weekday, Month.of(month));
        if (indicator == 0) return null;
        return ZoneOffsetTransitionRule.of(
                Month.of(month),
                indicator,
                operator == 0 ? null : DayOfWeek.of(weekday),
                LocalTime.ofSecondOfDay(hours * 3600L + seconds),
                false,
                TimeDefinition.WALL,
                standard,
                before,
                after);
    }

    /**
     * java.time's day-of-month indicator for an ESPI operator: 0 the day of the month itself, 1 the weekday on or
     * after it, 2-6 the first to fifth such weekday (on or after day 1, 8, 15, 22, 29), 7 the last one; 0 if the
     * fields the operator needs are missing.
     */
    private static int dayIndicator(int operator, int dayOfMonth, int weekday, Month month) {
        if (operator == 0) return dayOfMonth >= 1 && dayOfMonth <= month.minLength() ? dayOfMonth : 0;
        if (weekday == 0) return 0;
        if (operator == 1) return dayOfMonth >= 1 && dayOfMonth <= month.minLength() ? dayOfMonth : 0;
        int first = operator == 7 ? -1 : 1 + 7 * (operator - 2);
        return first <= month.minLength() ? first : 0;
    }

    private static ZoneOffset offset(long seconds) {
        return ZoneOffset.ofTotalSeconds((int) Math.max(-18 * 3600, Math.min(18 * 3600, seconds)));
    }
}
