package dev.gbconnect.custodian.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.ingest.control.AtomEntry;
import dev.gbconnect.custodian.ingest.control.GreenButtonReader;
import dev.gbconnect.custodian.ingest.control.Problems;
import dev.gbconnect.custodian.testsupport.Shared;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;

class GreenButtonGeneratorTest {

    private static final Plan PLAN = new Plan(
            List.of(new Point("house", Kind.ELECTRIC, 7), new Point("furnace", Kind.GAS, 8)),
            Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
            62,
            900);

    private static byte[] generate(Plan plan, long[] count) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        count[0] = GreenButtonGenerator.write(out, plan);
        return out.toByteArray();
    }

    @Test
    void feedValidatesAgainstTheGreenButtonSchema() throws Exception {
        byte[] xml = generate(PLAN, new long[1]);

        Shared.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @Test
    void importerReadsEveryUsagePointBlockAndReading() throws Exception {
        long[] count = new long[1];
        byte[] xml = generate(PLAN, count);
        Problems problems = new Problems();
        List<AtomEntry> entries = new ArrayList<>();
        try (GreenButtonReader reader =
                new GreenButtonReader(new ByteArrayInputStream(xml), Shared.schema(), problems)) {
            for (AtomEntry entry = reader.next(); entry != null; entry = reader.next()) entries.add(entry);
        }

        assertEquals(List.of(), problems.list());
        List<AtomEntry.Content> contents =
                entries.stream().flatMap(e -> e.contents().stream()).toList();
        assertEquals(2, described(contents, "UsagePoint").size());
        assertEquals(2, described(contents, "LocalTimeParameters").size());
        List<AtomEntry.Block> blocks = contents.stream()
                .filter(AtomEntry.Block.class::isInstance)
                .map(AtomEntry.Block.class::cast)
                .toList();
        // 62 daily electric blocks; gas only for the two whole months, January and February
        assertEquals(62 + 2, blocks.size());
        long readings = blocks.stream().mapToLong(AtomEntry.Block::readingCount).sum();
        assertEquals(62 * 96 + 2, readings);
        assertEquals(readings, count[0]);
        List<AtomEntry.Described> summaries = described(contents, "UsageSummary");
        assertEquals(2, summaries.size());
        assertEquals("1735689600", summaries.get(0).fields().get("billingPeriod/start"));
        assertEquals("2678400", summaries.get(0).fields().get("billingPeriod/duration"));
    }

    @Test
    void everyEntryLinksItselfAndItsParent() throws Exception {
        byte[] xml = generate(PLAN, new long[1]);
        try (GreenButtonReader reader =
                new GreenButtonReader(new ByteArrayInputStream(xml), Shared.schema(), new Problems())) {
            for (AtomEntry entry = reader.next(); entry != null; entry = reader.next()) {
                assertFalse(entry.self() == null || entry.up() == null, entry.atomId());
                assertEquals(entry.up(), entry.self().substring(0, entry.self().lastIndexOf('/')));
            }
        }
    }

    @Test
    void samePlanGivesTheSameBytes() throws Exception {
        assertArrayEquals(generate(PLAN, new long[1]), generate(PLAN, new long[1]));
    }

    @Test
    void planOfLaterDaysContinuesTheFeedWithTheSameResourcesAndValues() throws Exception {
        Map<String, String> whole = contentBySelf(generate(PLAN, new long[1]));
        long jan20 = Instant.parse("2025-01-20T00:00:00Z").getEpochSecond();
        Map<String, String> tail = contentBySelf(generate(new Plan(PLAN.points(), jan20, 12, 900), new long[1]));

        String house = "RetailCustomer/demo/UsagePoint/house";
        assertEquals(
                List.of(house + "/MeterReading/1/IntervalBlock/2025-01-31", house + "/UsageSummary/2025-01"),
                tail.keySet().stream()
                        .filter(self -> self.endsWith("-31") || self.contains("/UsageSummary/"))
                        .toList(),
                "the last day of January, and January's bill although the plan began on the 20th");
        for (String self : tail.keySet()) assertEquals(whole.get(self), tail.get(self), self);
        assertTrue(tail.containsKey("RetailCustomer/demo/UsagePoint/furnace/MeterReading/1/IntervalBlock/2025-01"));
    }

    @Test
    void planRejectsWhatWouldBreakTheFeed() {
        long midnight = PLAN.start();
        List<Point> one = List.of(new Point("a", Kind.ELECTRIC, 1));
        assertThrows(IllegalArgumentException.class, () -> new Plan(one, midnight + 3600, 1, 900));
        assertThrows(IllegalArgumentException.class, () -> new Plan(one, midnight, 1, 7));
        assertThrows(IllegalArgumentException.class, () -> new Plan(List.of(one.get(0), one.get(0)), midnight, 1, 900));
        assertThrows(IllegalArgumentException.class, () -> new Point("a b", Kind.GAS, 1));
    }

    private static final Pattern ENTRY =
            Pattern.compile("<entry><id>[^<]*</id><link rel=\"self\" href=\"([^\"]+)\"/>.*?<content>(.*?)</content>");

    /** Each entry's content by its self link; the Atom dates differ from plan to plan, the content must not. */
    private static Map<String, String> contentBySelf(byte[] xml) {
        Map<String, String> contents = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(new String(xml, StandardCharsets.UTF_8));
        while (m.find()) contents.put(m.group(1), m.group(2));
        return contents;
    }

    private static List<AtomEntry.Described> described(List<AtomEntry.Content> contents, String element) {
        return contents.stream()
                .filter(c -> c instanceof AtomEntry.Described d && d.element().equals(element))
                .map(AtomEntry.Described.class::cast)
                .toList();
    }
}
