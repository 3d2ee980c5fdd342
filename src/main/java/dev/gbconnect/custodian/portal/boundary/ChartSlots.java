package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.usage.control.UsageTotals.Series;
import dev.gbconnect.custodian.usage.control.UsageTotals.Total;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bars of one period's chart, each with its total and the total of the same slot a year earlier: the local
 * hours of a day (23 or 25 on the days the clocks change), the days of a month, the months of a year.
 */
final class ChartSlots {

    /** {@code tick} labels the axis, {@code name} the bar's row in the table; a null total is a slot without data. */
    record Slot(String tick, String name, Total now, Total before) {}

    private ChartSlots() {}

    static List<Slot> of(Series s, ChartPeriod p, UsageFormat f) {
        return switch (p.view()) {
            case DAY -> hours(s, p.start(), f);
            case MONTH -> days(s, p, f);
            case YEAR -> months(s, p, f);
        };
    }

    private static List<Slot> days(Series s, ChartPeriod p, UsageFormat f) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate d = p.start(); d.isBefore(p.end()); d = d.plusDays(1))
            slots.add(new Slot(
                    String.valueOf(d.getDayOfMonth()),
                    f.day(d),
                    s.days().get(d),
                    s.days().get(d.minusYears(1))));
        return slots;
    }

    private static List<Slot> months(Series s, ChartPeriod p, UsageFormat f) {
        DateTimeFormatter tick = DateTimeFormatter.ofPattern("LLL", f.frame.locale()),
                name = DateTimeFormatter.ofPattern("LLLL yyyy", f.frame.locale());
        List<Slot> slots = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(p.start().getYear(), m);
            slots.add(new Slot(
                    month.format(tick),
                    month.format(name),
                    s.months().get(month),
                    s.months().get(month.minusYears(1))));
        }
        return slots;
    }

    /**
     * The local hours of the day from its local midnight to the next; the hour the clocks go back over comes twice,
     * told apart by its offset. A year earlier is matched by the local time of day.
     */
    private static List<Slot> hours(Series s, LocalDate day, UsageFormat f) {
        LocalTimeRules zone = s.zone();
        Map<LocalTime, Total> before = new HashMap<>();
        LocalDate earlier = day.minusYears(1);
        s.hours()
                .subMap(zone.startOf(earlier), zone.startOf(earlier.plusDays(1)))
                .forEach((t, total) -> before.merge(zone.localTime(t).toLocalTime(), total, Total::plus));
        List<Slot> slots = new ArrayList<>();
        Set<LocalTime> seen = new HashSet<>();
        Instant end = zone.startOf(day.plusDays(1));
        for (Instant t = zone.startOf(day); t.isBefore(end); t = t.plusSeconds(3600)) {
            LocalTime local = zone.localTime(t).toLocalTime();
            String tick = local.toString(),
                    name = seen.add(local) ? tick : tick + " (" + CustomerFrame.offset(zone.offsetAt(t)) + ")";
            slots.add(new Slot(tick, name, s.hours().get(t), before.get(local)));
        }
        return slots;
    }
}
