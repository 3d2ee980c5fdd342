package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.portal.boundary.ChartSlots.Slot;
import dev.gbconnect.custodian.usage.control.UsageTotals.Total;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One period's bar chart, laid out for server-rendered SVG (presentation attributes only, which the page's style
 * policy allows): a value axis in the usage point's unit with labelled ticks, a bar per slot beside a lighter bar for
 * the same slot a year earlier, and the same numbers as table rows, which are both what a screen reader reads and
 * what anyone reads without pointing at a bar.
 */
public record UsageChart(
        String caption,
        String unit,
        String axis,
        List<Bar> bars,
        List<Tick> ticks,
        List<Tick> labels,
        List<Row> rows,
        Row total,
        boolean costs,
        String costHeader,
        String change) {

    /** The drawing: the plot area between these, tick labels left of it and slot labels under it. */
    public static final int WIDTH = 640, HEIGHT = 250, LEFT = 64, RIGHT = 632, TOP = 20, BOTTOM = 210;

    /** A bar and its year-earlier bar (height 0 where there is none), with the tooltip of both. */
    public record Bar(int x, int y, int width, int height, int priorX, int priorY, int priorHeight, String title) {}

    /** A labelled position: on the value axis {@code at} is a y, under the bars an x. */
    public record Tick(int at, String label) {}

    public record Row(String name, String usage, String cost, String yearEarlier) {}

    static UsageChart of(String caption, String axis, List<Slot> slots, UsageFormat f) {
        double max = 0;
        for (Slot s : slots) max = Math.max(max, Math.max(value(s.now(), f), value(s.before(), f)));
        double step = step(max), top = Math.max(step, Math.ceil(max / step) * step);
        boolean costs = slots.stream().anyMatch(s -> s.now() != null && s.now().costed());
        List<Row> rows = new ArrayList<>();
        for (Slot s : slots) rows.add(row(s.name(), s.now(), s.before(), costs, top, f));
        return new UsageChart(
                caption,
                f.unit(),
                axis,
                bars(slots, top, f),
                ticks(step, top, f),
                labels(slots),
                rows,
                row(f.frame.lookup("table.total"), sum(slots, Slot::now), sum(slots, Slot::before), costs, top, f),
                costs,
                f.costHeader(),
                change(sum(slots, Slot::now), sum(slots, Slot::before), f));
    }

    /** This period against the same period a year earlier, in percent; null without data for both. */
    private static String change(Total now, Total before, UsageFormat f) {
        if (now == null || before == null || before.value() <= 0) return null;
        NumberFormat percent = NumberFormat.getPercentInstance(f.frame.locale());
        double ratio = (double) now.value() / before.value() - 1;
        return (ratio > 0 ? "+" : "") + percent.format(ratio);
    }

    private static List<Bar> bars(List<Slot> slots, double top, UsageFormat f) {
        double slot = (double) (RIGHT - LEFT) / slots.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            int x = (int) Math.round(LEFT + i * slot), h = height(s.now(), top, f), prior = height(s.before(), top, f);
            int half = Math.max(1, (int) (slot * 0.4));
            String title =
                    s.name() + ": " + (s.now() == null ? "–" : f.amount(value(s.now(), f), top) + " " + f.unit());
            bars.add(new Bar(x + half + 1, BOTTOM - h, half, h, x + 1, BOTTOM - prior, half, title));
        }
        return bars;
    }

    /** 0 to the top in round steps, each labelled in the page's language. */
    private static List<Tick> ticks(double step, double top, UsageFormat f) {
        List<Tick> ticks = new ArrayList<>();
        NumberFormat n = NumberFormat.getNumberInstance(f.frame.locale());
        n.setMaximumFractionDigits(Math.max(0, (int) -Math.floor(Math.log10(step))));
        for (int i = 0; i * step <= top + step / 1000; i++)
            ticks.add(new Tick((int) Math.round(BOTTOM - i * step / top * (BOTTOM - TOP)), n.format(i * step)));
        return ticks;
    }

    /** Every slot's label where there is room, else every second, third...: at most twelve under the axis. */
    private static List<Tick> labels(List<Slot> slots) {
        double slot = (double) (RIGHT - LEFT) / slots.size();
        int every = (slots.size() + 11) / 12;
        List<Tick> labels = new ArrayList<>();
        for (int i = 0; i < slots.size(); i += every)
            labels.add(new Tick(
                    (int) Math.round(LEFT + (i + 0.5) * slot), slots.get(i).tick()));
        return labels;
    }

    /** A round step (1, 2 or 5 times a power of ten) that cuts the axis into at most five parts. */
    static double step(double max) {
        if (max <= 0) return 1;
        double raw = max / 5, power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int m : new int[] {1, 2, 5}) if (m * power >= raw) return m * power;
        return 10 * power;
    }

    private static Row row(String name, Total now, Total before, boolean costs, double top, UsageFormat f) {
        return new Row(
                name,
                now == null ? "–" : f.amount(value(now, f), top),
                !costs || now == null || !now.costed() ? "–" : f.cost(now.cost()),
                before == null ? "–" : f.amount(value(before, f), top));
    }

    private static Total sum(List<Slot> slots, Function<Slot, Total> which) {
        return slots.stream()
                .map(which)
                .filter(Objects::nonNull)
                .reduce(Total::plus)
                .orElse(null);
    }

    private static int height(Total t, double top, UsageFormat f) {
        return (int) Math.round(Math.max(0, value(t, f)) / top * (BOTTOM - TOP));
    }

    private static double value(Total t, UsageFormat f) {
        return t == null ? 0 : f.value(t.value());
    }
}
