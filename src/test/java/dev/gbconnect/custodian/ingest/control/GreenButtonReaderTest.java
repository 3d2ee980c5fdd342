package dev.gbconnect.custodian.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.atom.Bytes;
import dev.gbconnect.custodian.atom.EspiXml;
import dev.gbconnect.custodian.feed.control.document.IntervalBlockXml;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import dev.gbconnect.custodian.testsupport.Repeated;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.Xml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class GreenButtonReaderTest {

    /** Counts from ../shared/samples/README.md: UsagePoints, IntervalBlocks, IntervalReadings. */
    @ParameterizedTest
    @CsvSource({
        "gba-sample-data/Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml, 1, 12, 8760",
        "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml, 1, 365, 8760",
        "gba-sample-data/TestGBDataOneYearDailyBinnedMonthly.xml, 1, 15, 444",
        "openespi/test_usage_data.xml, 1, 14, 1340",
        "datasdk/1hrLP_32DaysFiveUsagePoints_M.xml, 5, 160, 3840",
        "datasdk/BatchFeedThreeUsagePoints_M.xml, 3, 4, 384",
        "datasdk/Gas.xml, 1, 13, 13",
        "datasdk/Water.xml, 1, 2, 2",
        "synthetic/synthetic_batch_subscription_usagesummary.xml, 1, 1, 4"
    })
    void validSampleReadsWithoutProblemsAndCountsMatchTheReadme(String file, int usagePoints, int blocks, int readings)
            throws Exception {
        Problems problems = new Problems();
        List<AtomEntry> entries = readAll(Files.newInputStream(Shared.sample(file)), problems);

        assertEquals(List.of(), problems.list());
        assertEquals(
                usagePoints,
                entries.stream()
                        .flatMap(e -> e.contents().stream())
                        .filter(c -> c instanceof AtomEntry.Described d
                                && d.element().equals("UsagePoint"))
                        .count());
        List<AtomEntry.Block> found = entries.stream()
                .flatMap(e -> e.contents().stream())
                .filter(AtomEntry.Block.class::isInstance)
                .map(AtomEntry.Block.class::cast)
                .toList();
        assertEquals(blocks, found.size());
        assertEquals(
                readings, found.stream().mapToInt(AtomEntry.Block::readingCount).sum());
    }

    /** Every element of every IntervalBlock and every other ESPI resource comes back from what we store. */
    @ParameterizedTest
    @CsvSource({
        "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml",
        "gba-sample-data/TestGBDataOneYearDailyBinnedMonthly.xml",
        "openespi/test_usage_data.xml",
        "datasdk/1hrLP_32DaysFiveUsagePoints_M.xml",
        "datasdk/BatchFeedThreeUsagePoints_M.xml",
        "datasdk/Gas.xml",
        "datasdk/Water.xml",
        "synthetic/synthetic_batch_subscription_usagesummary.xml"
    })
    void storedFormReproducesEveryElementOfTheSample(String file) throws Exception {
        Document original = Xml.parse(Files.newInputStream(Shared.sample(file)));
        List<Element> originalContents = new ArrayList<>();
        for (Element content : Xml.elements(original, EspiXml.ATOM, "content")) {
            for (var n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) originalContents.add(e);
            }
        }
        Problems problems = new Problems();
        List<AtomEntry.Content> stored = readAll(Files.newInputStream(Shared.sample(file)), problems).stream()
                .flatMap(e -> e.contents().stream())
                .toList();

        assertEquals(originalContents.size(), stored.size());
        for (int i = 0; i < stored.size(); i++) {
            AtomEntry.Content c = stored.get(i);
            Element back = c instanceof AtomEntry.Described d
                    ? Xml.parse(d.xml())
                    : Xml.parse(rewrite(((AtomEntry.Block) c).packed()));
            Element expected = originalContents.get(i);
            assertTrue(
                    Xml.same(expected, back),
                    () -> "differs:\n" + Xml.toString(expected) + "\n---\n" + Xml.toString(back));
        }
    }

    @Test
    void extensionsQualitiesAndOptionalReadingFieldsSurvive() throws Exception {
        String block = """
                <IntervalBlock xmlns="http://naesb.org/espi">
                  <extension><x:note xmlns:x="urn:example">block-level</x:note></extension>
                  <interval><duration>1800</duration><start>1700000000</start></interval>
                  <IntervalReading>
                    <extension><x:note xmlns:x="urn:example">reading-level</x:note></extension>
                    <cost>-12</cost>
                    <ReadingQuality><quality>7</quality></ReadingQuality>
                    <ReadingQuality><quality>19</quality></ReadingQuality>
                    <timePeriod><duration>900</duration><start>1700000000</start></timePeriod>
                    <value>140737488355327</value>
                    <consumptionTier>2</consumptionTier><tou>1</tou><cpp>3</cpp>
                  </IntervalReading>
                  <IntervalReading><timePeriod><duration>900</duration><start>1699990000</start></timePeriod><value>-5</value></IntervalReading>
                  <IntervalReading><value>9</value></IntervalReading>
                </IntervalBlock>""";
        AtomEntry.Block stored = (AtomEntry.Block)
                readAll(feed(block), new Problems()).get(0).contents().get(0);

        assertEquals(3, stored.readingCount());
        assertEquals(1700000000L, stored.intervalStart());
        Element expected = Xml.parse(block.getBytes(StandardCharsets.UTF_8));
        Element back = Xml.parse(rewrite(stored.packed()));
        assertTrue(Xml.same(expected, back), () -> Xml.toString(back));
    }

    @Test
    void externalEntityIsRefusedBeforeAnythingIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title></feed>""";
        Problems problems = new Problems();
        assertThrows(
                XMLStreamException.class,
                () -> readAll(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), problems));
        assertTrue(
                problems.list().get(0).matches("2:\\d+: DOCTYPE declarations .*"),
                problems.list().toString());
    }

    @Test
    void wrongNamespaceIsNamed() {
        Problems problems = new Problems();
        assertThrows(
                XMLStreamException.class,
                () -> readAll(
                        new ByteArrayInputStream("<feed xmlns='urn:not-atom'/>".getBytes(StandardCharsets.UTF_8)),
                        problems));
        assertTrue(
                problems.list().stream().anyMatch(p -> p.contains("{urn:not-atom}feed")),
                problems.list().toString());
    }

    @ParameterizedTest
    @CsvSource({
        "gba-sample-data/TestGBDataHourlyNineDaysBinnedDaily.xml, ServiceDeliveryPoint",
        "datasdk/1hrLP_32Days_Additional2_M.xml, costAdditionalDetailLastPeriod",
        "openespi/Usage-Subscription-Feed-Anonymized.xml, ReadingType",
        "real-world/ngma_natural_gas_billing_billing_data_Service_1_1_2021-05-26_to_2024-04-25.xml, 2024-06-21",
        "real-world/ngma_gas_provider_2024-07-16.xml, 1721154384.66136"
    })
    void invalidSampleProblemsNameTheOffendingElement(String file, String named) throws Exception {
        Problems problems = new Problems();
        readAll(Files.newInputStream(Shared.sample(file)), problems);

        assertTrue(problems.any());
        assertTrue(
                problems.list().stream().anyMatch(p -> p.matches("\\d+:\\d+: .*") && p.contains(named)),
                () -> String.join("\n", problems.list()));
    }

    /** Issue 14: one node of hundreds of megabytes filled the heap. Each is refused at the limit, naming its line. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<title>               | x       | </title>",
                "<title>               | x<!---->| </title>",
                "<title><![CDATA[      | x       | ]]></title>",
                "<x:                   | n       | xmlns:x='urn:x'/>",
                "<link rel='self' h    | n       | ='1'/>",
                "<link rel='self' href=' | h     | '/>",
                "<link xmlns:          | p       | ='urn:x'/>",
                "<!--                  | c       | -->",
                "<?                    | t       | ?>",
                "<content><UsagePoint xmlns='http://naesb.org/espi'><x xmlns='urn:x'> | ' ' | </x></UsagePoint></content>"
            })
    void hugeNodeIsRefusedAtTheLimitNamingItsLine(String head, String unit, String tail) {
        Problems problems = new Problems();
        XMLStreamException e = assertThrows(
                XMLStreamException.class,
                () -> readAll(new Repeated(ENTRY + head, unit, 20_000_000, tail + "</entry></feed>"), problems));

        assertEquals(3, e.getLocation().getLineNumber(), e.getMessage());
        assertTrue(UsageImporter.parserMessage(e).contains("65536"), e.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        XMLStreamException e = assertThrows(
                XMLStreamException.class,
                () -> readAll(new Repeated(ENTRY, "<x:d xmlns:x='urn:x'>", 21 * 10_000, ""), new Problems()));
        assertTrue(e.getMessage().contains("Depth limit (" + GreenButtonReader.MAX_DEPTH + ")"), e.getMessage());
    }

    /** Issue 14: a schema-valid start near the 64-bit limit made a DateTimeException; each such value is a problem. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<interval><duration>900</duration><start>9223372036854775000</start></interval> | start 9223372036854775000",
                "<interval><duration>900</duration><start>-9223372036854775808</start></interval> | start -9223372036854775808",
                "<IntervalReading><timePeriod><duration>900</duration><start>253402300800</start></timePeriod></IntervalReading> | start 253402300800",
            })
    void timeOutsideWhatIsKeptIsAProblem(String inBlock, String named) throws Exception {
        Problems problems = new Problems();
        readAll(feed("<IntervalBlock xmlns='http://naesb.org/espi'>" + inBlock + "</IntervalBlock>"), problems);

        assertEquals(1, problems.total(), problems.list().toString());
        assertTrue(
                problems.list().get(0).matches("\\d+:\\d+: " + named + " is outside .*"),
                problems.list().toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<UsageSummary xmlns='http://naesb.org/espi'><billingPeriod><duration>1</duration><start>-62135596801</start></billingPeriod><statusTimeStamp>0</statusTimeStamp></UsageSummary> | start -62135596801",
                "<LocalTimeParameters xmlns='http://naesb.org/espi'><dstEndRule>B40E2000</dstEndRule><dstOffset>3600</dstOffset><dstStartRule>360E2000</dstStartRule><tzOffset>9223372036854775807</tzOffset></LocalTimeParameters> | tzOffset 9223372036854775807",
                "<LocalTimeParameters xmlns='http://naesb.org/espi'><dstEndRule>B40E2000</dstEndRule><dstOffset>-9223372036854775808</dstOffset><dstStartRule>360E2000</dstStartRule><tzOffset>0</tzOffset></LocalTimeParameters> | dstOffset -9223372036854775808",
            })
    void describedValueOutsideWhatIsKeptIsAProblem(String resource, String named) throws Exception {
        Problems problems = new Problems();
        readAll(feed(resource), problems);

        assertEquals(1, problems.total(), problems.list().toString());
        assertTrue(
                problems.list().get(0).matches("\\d+:\\d+: " + named + " .*"),
                problems.list().toString());
    }

    @ParameterizedTest
    @CsvSource({"10000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z"})
    void atomDateOutsideTheYears1To9999IsAProblem(String date) throws Exception {
        Problems problems = new Problems();
        readAll(
                new ByteArrayInputStream((ENTRY + "<published>" + date + "</published></entry></feed>")
                        .getBytes(StandardCharsets.UTF_8)),
                problems);

        assertTrue(
                problems.list().stream().anyMatch(p -> p.startsWith("3:") && p.contains("outside the years 1 to 9999")),
                problems.list().toString());
    }

    /** The plain UTC form is read apart from the others (for speed); every form must read as java.time reads it. */
    @ParameterizedTest
    @CsvSource({
        "2024-02-29T23:45:07Z, 2024-02-29T23:45:07Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z, 9999-12-31T23:59:59Z",
        "2024-02-29T23:45:07+01:00, 2024-02-29T22:45:07Z",
        "2024-02-29T23:45:07.5Z, 2024-02-29T23:45:07.500Z",
        "2024-02-29T23:45:07, 2024-02-29T23:45:07Z",
        "2023-02-29T00:00:00Z, ",
        "2024-13-01T00:00:00Z, ",
        "2024-01-01T24:00:00Z, ",
        "2024-01-01T00:60:00Z, ",
        "2024-0a-01T00:00:00Z, "
    })
    void atomDateReadsAsJavaTimeReadsIt(String date, String expected) throws Exception {
        List<AtomEntry> entries = readAll(
                new ByteArrayInputStream((ENTRY + "<published>" + date + "</published></entry></feed>")
                        .getBytes(StandardCharsets.UTF_8)),
                new Problems());

        assertEquals(
                expected == null ? null : Instant.parse(expected),
                entries.get(0).published());
    }

    static final String ENTRY = "<feed xmlns='http://www.w3.org/2005/Atom'><id>f</id><title>t</title>\n"
            + "<updated>2024-01-01T00:00:00Z</updated><entry>\n";

    static List<AtomEntry> readAll(InputStream in, Problems problems) throws XMLStreamException {
        List<AtomEntry> out = new ArrayList<>();
        try (GreenButtonReader reader = new GreenButtonReader(in, Shared.schema(), problems)) {
            for (AtomEntry e = reader.next(); e != null; e = reader.next()) out.add(e);
        }
        return out;
    }

    static InputStream feed(String content) {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:00000000-0000-5000-8000-000000000001</id>
                <title>t</title><updated>2024-01-01T00:00:00Z</updated>
                <entry><id>urn:uuid:00000000-0000-5000-8000-000000000002</id>
                <link rel="self" href="IntervalBlock/1"/><link rel="up" href="IntervalBlock"/>
                <title>b</title><content>%s</content><updated>2024-01-01T00:00:00Z</updated></entry></feed>""".formatted(content);
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] rewrite(byte[] packed) {
        Bytes xml = new Bytes(1024);
        IntervalBlockXml.write(xml, packed, Reach.EVERYTHING);
        return xml.toByteArray();
    }
}
