package dev.gbconnect.custodian.portal.boundary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The period the usage charts show, named in the page's address so that the views and the previous and next links
 * work without script: {@code 2012-03-11} a day (by hour), {@code 2012-03} a month (by day), {@code 2012} a year (by
 * month). Days are the usage point's local days.
 */
record ChartPeriod(View view, LocalDate start) {

    enum View {
        DAY,
        MONTH,
        YEAR
    }

    /** {@code null} for a text that names no period (the caller answers 400). */
    static ChartPeriod parse(String text) {
        try {
            return switch (text.length()) {
                case 10 -> new ChartPeriod(View.DAY, LocalDate.parse(text));
                case 7 -> new ChartPeriod(View.MONTH, YearMonth.parse(text).atDay(1));
                case 4 -> new ChartPeriod(View.YEAR, LocalDate.of(Integer.parseInt(text), 1, 1));
                default -> null;
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** The period of another view that holds this one's start (the month of a day, the year of a month). */
    ChartPeriod as(View other, LocalDate day) {
        return switch (other) {
            case DAY -> new ChartPeriod(View.DAY, day);
            case MONTH -> new ChartPeriod(View.MONTH, day.withDayOfMonth(1));
            case YEAR -> new ChartPeriod(View.YEAR, day.withDayOfYear(1));
        };
    }

    ChartPeriod plus(int n) {
        return switch (view) {
            case DAY -> new ChartPeriod(view, start.plusDays(n));
            case MONTH -> new ChartPeriod(view, start.plusMonths(n));
            case YEAR -> new ChartPeriod(view, start.plusYears(n));
        };
    }

    ChartPeriod yearEarlier() {
        return new ChartPeriod(view, start.minusYears(1));
    }

    LocalDate end() {
        return plus(1).start();
    }

    boolean holds(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end());
    }

    /** The address's form of the period. */
    String param() {
        return switch (view) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** The period as the page's language writes it: 11 March 2012, March 2012, 2012. */
    String label(Locale locale) {
        return switch (view) {
            case DAY ->
                start.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
            case MONTH -> start.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
            case YEAR -> String.valueOf(start.getYear());
        };
    }
}
