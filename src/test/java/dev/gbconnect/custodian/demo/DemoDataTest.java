package dev.gbconnect.custodian.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.testsupport.Atom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final List<Point> POINTS = List.of(new Point("home", Kind.ELECTRIC, 1));

    @Test
    void firstStartSeedsFromTheFirstOfTheMonth25MonthsBackToYesterday() {
        Plan plan = DemoData.firstPlan(POINTS, LocalDate.parse("2027-03-15"));

        assertEquals(Instant.parse("2025-02-01T00:00:00Z").getEpochSecond(), plan.start());
        assertEquals(
                LocalDate.parse("2025-02-01")
                        .until(LocalDate.parse("2027-03-15"))
                        .toTotalMonths(),
                25);
        assertEquals(Instant.parse("2027-03-15T00:00:00Z").getEpochSecond(), plan.start() + plan.days() * 86_400L);
    }

    @Test
    void aLaterDayAppendsTheFinishedDaysAfterWhatIsStoredAndNothingTwice() {
        Instant storedUntil = Instant.parse("2027-03-15T00:00:00Z");

        assertEquals(Optional.empty(), DemoData.nextPlan(POINTS, storedUntil, LocalDate.parse("2027-03-15")));
        assertEquals(
                Optional.of(new Plan(POINTS, storedUntil.getEpochSecond(), 1, 900)),
                DemoData.nextPlan(POINTS, storedUntil, LocalDate.parse("2027-03-16")),
                "the day after: yesterday");
        assertEquals(
                Optional.of(new Plan(POINTS, storedUntil.getEpochSecond(), 9, 900)),
                DemoData.nextPlan(POINTS, storedUntil, LocalDate.parse("2027-03-24")),
                "a server that was stopped for a week catches up");
    }

    @Test
    void customerInformationWhenGeneratedThenSchemaValidTheSameEveryTimeAndALocationAndMeterPerUsagePoint() {
        for (int i = 0; i < DemoData.CUSTOMERS.size(); i++) {
            DemoData.DemoCustomer demo = DemoData.CUSTOMERS.get(i);
            String feed = new String(DemoCustomerInfo.feed(demo, i), StandardCharsets.UTF_8);

            Atom atom = Atom.valid(feed);
            assertEquals(feed, new String(DemoCustomerInfo.feed(demo, i), StandardCharsets.UTF_8));
            assertEquals(demo.points().size(), atom.count("//cust:ServiceLocation"), demo.username());
            assertEquals(demo.points().size(), atom.count("//cust:Meter"), demo.username());
            assertEquals(
                    demo.points().stream()
                            .map(p -> "RetailCustomer/demo/UsagePoint/" + p.name())
                            .toList(),
                    atom.texts("//cust:UsagePoint"));
            assertFalse(
                    atom.texts("//atom:title").stream().anyMatch(t -> t.contains(demo.name())), "no name in titles");
        }
    }
}
