package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.usage.control.UsageTotals.Series;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * How one usage point's numbers read in the page's language: values in the unit a customer knows (ESPI
 * UnitSymbolKind; Wh shown as kWh) with the ReadingType's power of ten applied, costs in the ReadingType's currency
 * (ESPI IntervalReading cost counts hundred-thousandths of it), days and offsets in the page's language.
 */
final class UsageFormat {

    /** UnitSymbolKind codes with a text of their own: Wh, m³, BTU, ft³, US gal, imperial gal, therm. */
    private static final Set<Integer> UNITS = Set.of(72, 42, 132, 119, 128, 130, 169);

    private static final int WH = 72;

    final CustomerFrame frame;
    private final double scale;
    private final Integer uom, currency;

    UsageFormat(CustomerFrame frame, Series s) {
        this.frame = frame;
        this.uom = s.uom();
        this.currency = s.currency();
        this.scale = Math.pow(10, s.powerOfTen()) / (uom != null && uom == WH ? 1000.0 : 1.0);
    }

    double value(long raw) {
        return raw * scale;
    }

    String unit() {
        return frame.lookup(uom != null && UNITS.contains(uom) ? "unit." + uom : "unit.other");
    }

    /** A value with as many decimals as a chart of values up to {@code top} needs: 1 234, 12.3, 0.45. */
    String amount(double v, double top) {
        NumberFormat f = NumberFormat.getNumberInstance(frame.locale());
        int digits = top >= 100 ? 0 : top >= 10 ? 1 : 2;
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v);
    }

    String cost(long hundredThousandths) {
        NumberFormat f = currency()
                .map(c -> {
                    NumberFormat money = NumberFormat.getCurrencyInstance(frame.locale());
                    money.setCurrency(c);
                    return money;
                })
                .orElseGet(() -> NumberFormat.getNumberInstance(frame.locale()));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(hundredThousandths / 100_000.0);
    }

    /** The cost column's heading: the currency's code, or none where the ReadingType names no known currency. */
    String costHeader() {
        return currency()
                .map(c -> text("table.cost-in", c.getCurrencyCode()))
                .orElseGet(() -> frame.lookup("table.cost"));
    }

    /** A text of the page's language with its {@code {0}}-style parameters filled in (escaped where it is used). */
    String text(String key, Object... params) {
        return new MessageFormat(frame.lookup(key), frame.locale()).format(params);
    }

    private Optional<Currency> currency() {
        if (currency == null) return Optional.empty();
        return Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getNumericCode() == currency)
                .findFirst();
    }

    String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(frame.locale()));
    }

    /** The time zone sentence: "UTC−05:00, daylight saving time observed (UTC−04:00 in summer)". */
    String zone(LocalTimeRules zone) {
        return frame.zone(zone.standardOffset(), zone.observesDaylightSaving() ? zone.daylightOffset() : null);
    }
}
