package dev.gbconnect.custodian.ingest.control;

import java.time.Instant;

/**
 * Where espi.xsd allows more than the server can compute with. TimeType is an xs:long of seconds since 1970, but
 * the server turns times into {@link Instant}s, calendar days and epoch milliseconds: a start near the 64-bit limit
 * threw {@code DateTimeException} (issue 14). Times must lie in the years 1 to 9999, as xs:dateTime's four-digit
 * years do. Time zone offsets are TimeType too, and java.time takes at most ±18 hours (no zone on Earth has more
 * than 14). The other numeric types (Int16 to Int48, UInt8 to UInt48) fit the columns and the long arithmetic as
 * they are.
 */
final class StoredRange {

    static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    static final long MAX_OFFSET = 18 * 3600;

    private StoredRange() {}

    /** What is wrong with a time in seconds, or null. */
    static String time(String element, long seconds) {
        return seconds < FIRST || seconds > LAST
                ? element + " " + seconds + " is outside the times this server keeps (" + FIRST + " to " + LAST
                        + " seconds since 1970, the years 1 to 9999)"
                : null;
    }

    /** What is wrong with an Atom date, or null. */
    static String time(String element, Instant instant) {
        return instant.getEpochSecond() < FIRST || instant.getEpochSecond() > LAST
                ? element + " " + instant + " is outside the years 1 to 9999 this server keeps"
                : null;
    }

    /** What is wrong with a leaf value of a described resource, by element name, or null. */
    static String leaf(String element, String value) {
        return switch (element) {
            case "start" -> {
                Long v = number(value);
                yield v == null ? null : time(element, v);
            }
            case "tzOffset", "dstOffset" -> {
                Long v = number(value);
                yield v == null || v >= -MAX_OFFSET && v <= MAX_OFFSET
                        ? null
                        : element + " " + v + " is more than " + MAX_OFFSET + " seconds (18 hours) from UTC";
            }
            default -> null;
        };
    }

    /** Malformed numbers are the schema validator's to report. */
    private static Long number(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
