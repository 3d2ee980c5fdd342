package dev.gbconnect.custodian.authorization.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The last day a customer shares data, as given (YYYY-MM-DD), checked against today and the longest allowed. */
public final class SharingEnd {

    private SharingEnd() {}

    /** The first instant after the last day (UTC); a problem in words when the day is missing, past or too far. */
    public static Instant after(String lastDay, Period longest) {
        return lastDay(lastDay, longest, LocalDate.now(ZoneOffset.UTC))
                .plusDays(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
    }

    /**
     * The last day as given, after {@code today} (of the local time it is read in) and no later than {@code longest}
     * from it; a problem in words when it is missing, past or too far.
     */
    public static LocalDate lastDay(String lastDay, Period longest, LocalDate today) {
        LocalDate end;
        try {
            end = LocalDate.parse(lastDay == null ? "" : lastDay.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Give the last day of sharing as a date (YYYY-MM-DD).");
        }
        if (!end.isAfter(today) || end.isAfter(today.plus(longest))) {
            throw new IllegalArgumentException(
                    "The last day of sharing must be after today and no later than " + today.plus(longest) + ".");
        }
        return end;
    }
}
