package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.portal.boundary.ChartPeriod.View;
import dev.gbconnect.custodian.usage.control.UsageTotals.Series;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The model of the usage page (portal/usage.jte): for each usage point what it measures, in which local time, and
 * the chart of the chosen period; the links between the day, month and year views and to the periods before and
 * after; and the Download My Data form preset to the span of the data in local days.
 */
public record UsagePage(
        CustomerFrame frame,
        String title,
        String period,
        List<Link> views,
        Link previous,
        Link next,
        List<Point> points,
        LocalDate first,
        LocalDate last) {

    public record Link(String label, String href, boolean current) {}

    /** {@code chart} is null for a usage point without readings. */
    public record Point(String id, String title, String facts, String zone, String span, UsageChart chart) {}

    /** {@code chosen} null: the month of the latest data. */
    static UsagePage of(CustomerFrame frame, List<Series> series, ChartPeriod chosen) {
        Optional<LocalDate> latest = series.stream()
                .filter(s -> s.last() != null)
                .map(s -> s.zone().lastDay(s.last()))
                .max(Comparator.naturalOrder());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ChartPeriod period = chosen != null
                ? chosen
                : new ChartPeriod(View.MONTH, latest.orElse(today).withDayOfMonth(1));
        List<Point> points = new ArrayList<>();
        for (Series s : series) points.add(point(new UsageFormat(frame, s), s, period));
        LocalDate first = series.stream()
                .filter(s -> s.first() != null)
                .map(s -> s.zone().dayOf(s.first()))
                .min(Comparator.naturalOrder())
                .orElse(today);
        return new UsagePage(
                frame,
                frame.lookup("usage.title"),
                period.label(frame.locale()),
                views(frame, series, period),
                link(frame, "view.previous", period.plus(-1), false),
                link(frame, "view.next", period.plus(1), false),
                points,
                first,
                latest.orElse(today));
    }

    /** Day, month and year: the day is the latest with data in the period shown, else its first. */
    private static List<Link> views(CustomerFrame frame, List<Series> series, ChartPeriod period) {
        LocalDate day = series.stream()
                .flatMap(s -> s.days().keySet().stream())
                .filter(period::holds)
                .max(Comparator.naturalOrder())
                .orElse(period.start());
        List<Link> links = new ArrayList<>();
        for (View v : View.values())
            links.add(link(frame, "view." + v.name().toLowerCase(), period.as(v, day), v == period.view()));
        return links;
    }

    private static Link link(CustomerFrame frame, String key, ChartPeriod p, boolean current) {
        return new Link(frame.lookup(key), frame.root() + "?period=" + p.param(), current);
    }

    private static Point point(UsageFormat f, Series s, ChartPeriod period) {
        String title = s.title() == null || s.title().isBlank() ? f.frame.lookup("usage.point") : s.title();
        String span = s.first() == null
                ? null
                : f.text(
                        "usage.span",
                        f.day(s.zone().dayOf(s.first())),
                        f.day(s.zone().lastDay(s.last())));
        UsageChart chart = s.days().isEmpty()
                ? null
                : UsageChart.of(
                        f.text(
                                "chart.caption." + period.view().name().toLowerCase(),
                                period.label(f.frame.locale()),
                                f.unit()),
                        f.frame.lookup("chart.axis." + period.view().name().toLowerCase()),
                        ChartSlots.of(s, period, f),
                        f);
        return new Point(s.usagePointId(), title, facts(f, s), f.zone(s.zone()), span, chart);
    }

    /** The service and how often it is read: "Electricity · readings every 15 minutes". */
    private static String facts(UsageFormat f, Series s) {
        Integer kind = s.serviceKind();
        String service = f.frame.lookup(kind != null && kind >= 0 && kind <= 9 ? "service." + kind : "service.other");
        Long i = s.intervalLength();
        String interval = i == null
                ? null
                : i >= 28 * 86_400L
                        ? f.frame.lookup("interval.monthly")
                        : i % 86_400 == 0
                                ? f.text("interval.days", i / 86_400)
                                : i % 3600 == 0
                                        ? f.text("interval.hours", i / 3600)
                                        : i % 60 == 0
                                                ? f.text("interval.minutes", i / 60)
                                                : f.text("interval.seconds", i);
        return interval == null ? service : service + " · " + interval;
    }
}
