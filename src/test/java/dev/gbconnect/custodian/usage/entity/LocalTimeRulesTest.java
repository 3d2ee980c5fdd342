package dev.gbconnect.custodian.usage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Shared;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LocalTimeRulesTest {

    /** The samples' rules: 02:00 on the second Sunday of March to 02:00 on the first Sunday of November, UTC−5. */
    static final LocalTimeRules EASTERN = LocalTimeRules.of(-18000L, 3600L, "360E2000", "B40E2000");

    @Test
    void rulesWhenTheSamplesEncodingThenSecondSundayOfMarchToFirstSundayOfNovemberAtTwo() {
        assertEquals(ZoneOffset.ofHours(-5), EASTERN.offsetAt(Instant.parse("2012-03-11T06:59:59Z")));
        assertEquals(ZoneOffset.ofHours(-4), EASTERN.offsetAt(Instant.parse("2012-03-11T07:00:00Z")));
        assertEquals(ZoneOffset.ofHours(-4), EASTERN.offsetAt(Instant.parse("2012-11-04T05:59:59Z")));
        assertEquals(ZoneOffset.ofHours(-5), EASTERN.offsetAt(Instant.parse("2012-11-04T06:00:00Z")));
        assertEquals(Duration.ofHours(23), EASTERN.lengthOf(LocalDate.parse("2012-03-11")));
        assertEquals(Duration.ofHours(25), EASTERN.lengthOf(LocalDate.parse("2012-11-04")));
        assertEquals(Duration.ofHours(24), EASTERN.lengthOf(LocalDate.parse("2012-11-05")));
        assertTrue(EASTERN.observesDaylightSaving());
    }

    /** The GBA sample's daily readings are local days: 82 800 s on the spring DST days, 90 000 s in the autumn. */
    @Test
    void daysWhenTheSamplesDailyReadingsThenEachStartsAtLocalMidnightAndLastsItsLocalDay() throws Exception {
        String xml = Files.readString(Shared.sample("gba-sample-data/TestGBDataOneYearDailyBinnedMonthly.xml"));
        Matcher m = Pattern.compile("<duration>(\\d+)</duration>\\s*<start>(\\d+)</start>")
                .matcher(xml);
        List<Long> dstDays = new ArrayList<>();
        int readings = 0;
        while (m.find()) {
            long duration = Long.parseLong(m.group(1)), start = Long.parseLong(m.group(2));
            if (duration > 86_400 * 2) continue; // the blocks' own intervals
            LocalDate day = EASTERN.dayOf(Instant.ofEpochSecond(start));
            assertEquals(EASTERN.startOf(day), Instant.ofEpochSecond(start), day.toString());
            assertEquals(EASTERN.lengthOf(day).toSeconds(), duration, day.toString());
            if (duration != 86_400) dstDays.add(duration);
            readings++;
        }
        assertEquals(444, readings);
        assertEquals(List.of(82_800L, 90_000L, 82_800L), dstDays);
    }

    /** issue 20: bob's gas is read from midnight UTC, which is the evening before in UTC−5. */
    @Test
    void monthWhenAMonthlyReadingStartsAtMidnightUtcThenItCountsInTheMonthItCovers() {
        long april = Instant.parse("2011-04-01T00:00:00Z").getEpochSecond(), length = 30 * 86_400;
        assertEquals(LocalDate.parse("2011-03-31"), EASTERN.dayOf(Instant.ofEpochSecond(april)));
        assertEquals(YearMonth.of(2011, 4), YearMonth.from(EASTERN.dayOf(EASTERN.countedAt(april, length))));
        long gasSample = 1301630400L; // datasdk/Gas.xml: local midnight, 2011-04-01T04:00Z
        assertEquals(LocalDate.parse("2011-04-01"), EASTERN.dayOf(Instant.ofEpochSecond(gasSample)));
    }

    @Test
    void hoursWhenTheClocksGoBackThenTheRepeatedHourIsTwoHours() {
        LocalDate day = LocalDate.parse("2012-11-04");
        List<Instant> hours = new ArrayList<>();
        for (Instant t = EASTERN.startOf(day); t.isBefore(EASTERN.startOf(day.plusDays(1))); t = t.plusSeconds(900))
            if (!hours.contains(EASTERN.hourOf(t))) hours.add(EASTERN.hourOf(t));
        assertEquals(25, hours.size());
        assertEquals(
                EASTERN.localTime(hours.get(1)).toLocalTime(),
                EASTERN.localTime(hours.get(2)).toLocalTime());
        assertEquals(
                Instant.parse("2012-03-11T07:30:00Z"),
                EASTERN.instantOf(LocalDateTime.parse("2012-03-11T02:30")),
                "a skipped time is read on the old clock");
    }

    @Test
    void untilWhenStoredAsTheNextLocalMidnightThenTheDayBeforeIsShown() {
        Instant until = EASTERN.startOf(LocalDate.parse("2027-12-07"));
        assertEquals(Instant.parse("2027-12-07T05:00:00Z"), until);
        assertEquals(LocalDate.parse("2027-12-06"), EASTERN.lastDay(until));
    }

    @Test
    void commonWhenUsagePointsKeepDifferentTimesThenTheOneWhoseDaysBeginFirst() {
        LocalTimeRules pacific = LocalTimeRules.of(-28800L, 3600L, "360E2000", "B40E2000");
        var zones = Map.of("east", EASTERN, "west", pacific);
        assertEquals(EASTERN, LocalTimeRules.common(zones, List.of()));
        assertEquals(pacific, LocalTimeRules.common(zones, List.of("west")));
        assertEquals(LocalTimeRules.UTC, LocalTimeRules.common(Map.of(), List.of()));
        assertEquals(
                Instant.parse("2027-12-07T05:00:00Z"),
                LocalTimeRules.common(zones, List.of("east", "west")).startOf(LocalDate.of(2027, 12, 7)),
                "a share until 6 December ends at the first of the local midnights");
    }

    @Test
    void rulesWhenDisabledMissingOrMalformedThenAFixedOffset() {
        for (LocalTimeRules fixed : List.of(
                LocalTimeRules.of(-18000L, 3600L, "FFFFFFFF", "B40E2000"),
                LocalTimeRules.of(-18000L, 3600L, null, null),
                LocalTimeRules.of(-18000L, 0L, "360E2000", "B40E2000"),
                LocalTimeRules.of(-18000L, 3600L, "zz", "B40E2000"))) {
            assertFalse(fixed.observesDaylightSaving());
            assertEquals(ZoneOffset.ofHours(-5), fixed.offsetAt(Instant.parse("2012-07-01T00:00:00Z")));
        }
        assertEquals(ZoneOffset.UTC, LocalTimeRules.of(null).offsetAt(Instant.EPOCH));
    }

    /** Operator 7, the last Sunday of the month, with the European switch at 01:00 UTC written as local wall time. */
    @Test
    void rulesWhenLastSundayThenTheEuropeanDates() {
        // month 3 | operator 7 | weekday 7 | 02:00 -> 0x3E0E2000; month 10, 03:00 -> 0xAE0E3000
        LocalTimeRules paris = LocalTimeRules.of(3600L, 3600L, "3E0E2000", "AE0E3000");
        assertEquals(Duration.ofHours(23), paris.lengthOf(LocalDate.parse("2024-03-31")));
        assertEquals(Duration.ofHours(25), paris.lengthOf(LocalDate.parse("2024-10-27")));
        assertEquals(ZoneOffset.ofHours(2), paris.offsetAt(Instant.parse("2024-07-01T00:00:00Z")));
    }
}
