package dev.gbconnect.custodian.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Atom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The data rules GBA's harness runs on a Green Button document (GREEN-BUTTON-CMD.md A1, FX-04 to FX-16; the
 * compiled Schematron rule ids D000-D147 of the harness's FB_*.xsl in brackets), shared by the conformance cases
 * that run them on different documents. Each rule fails with the entry it found wrong.
 */
final class FeedRules {

    private static final String ATOM = "http://www.w3.org/2005/Atom", ESPI = "http://naesb.org/espi";

    /** RFC 4122 name-based UUIDs: version 3 (MD5) or 5 (SHA-1), variant 10xx. */
    private static final String NAME_BASED_UUID =
            "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[35][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";

    private FeedRules() {}

    record Link(String rel, String href) {}

    /** One atom:entry as the rules read it: its id, links, and the ESPI resource in its content. */
    record Entry(String id, String title, String published, String updated, List<Link> links, Element content) {

        String kind() {
            return content == null ? "" : content.getLocalName();
        }

        /** The hrefs of the links with this rel, in document order. */
        List<String> hrefs(String rel) {
            return links.stream()
                    .filter(l -> l.rel().equals(rel))
                    .map(Link::href)
                    .toList();
        }

        String self() {
            List<String> self = hrefs("self");
            return self.size() == 1 ? self.get(0) : "";
        }

        String up() {
            List<String> up = hrefs("up");
            return up.size() == 1 ? up.get(0) : "";
        }

        /** The text of the first ESPI element of this name inside the resource, "" when absent. */
        String value(String name) {
            return content == null ? "" : text(content, name);
        }

        @Override
        public String toString() {
            return kind() + " " + self();
        }
    }

    static List<Entry> entries(Atom document) {
        return document.elements("//atom:entry").stream().map(FeedRules::entry).toList();
    }

    private static Entry entry(Element e) {
        String id = "", title = null, published = null, updated = null;
        List<Link> links = new ArrayList<>();
        Element content = null;
        for (Element child : children(e)) {
            if (!ATOM.equals(child.getNamespaceURI())) continue;
            switch (child.getLocalName()) {
                case "id" -> id = child.getTextContent().trim();
                case "title" -> title = child.getTextContent().trim();
                case "published" -> published = child.getTextContent().trim();
                case "updated" -> updated = child.getTextContent().trim();
                case "link" -> links.add(new Link(child.getAttribute("rel"), child.getAttribute("href")));
                case "content" -> content = children(child).stream().findFirst().orElse(null);
                default -> {}
            }
        }
        return new Entry(id, title, published, updated, links, content);
    }

    /** FX-04 [D001-D003]: a feed names itself: id, title, updated and a self link. */
    static void feedHeader(String what, Atom feed) {
        assertEquals(1, feed.count("/atom:feed"), what + ": a feed");
        for (String element : List.of("id", "title", "updated"))
            assertEquals(1, feed.count("/atom:feed/atom:" + element), what + ": feed " + element);
        assertFalse(feed.text("/atom:feed/atom:id").isEmpty(), what);
        assertEquals(1, feed.count("/atom:feed/atom:link[@rel='self'][@href != '']"), what + ": feed self link");
    }

    /** FX-05 [D004]: every atom:id of the document is a name-based urn:uuid, and none repeats. */
    static void ids(String what, Atom document) {
        List<String> ids = document.texts("//atom:id");
        assertFalse(ids.isEmpty(), what);
        for (String id : ids) assertTrue(id.matches(NAME_BASED_UUID), what + ": not a v3/v5 urn:uuid: " + id);
        assertEquals(ids.size(), new HashSet<>(ids).size(), what + ": ids repeat " + ids);
    }

    /**
     * FX-06 [D009-D016, D018-D022, D031-D041, D048-D053, D082-D088]: each entry has id, title, published and updated,
     * one self link unique in the document whose last segment names the resource, and one up link: its collection,
     * the self link without that segment.
     */
    static void entryLinks(String what, Atom document) {
        Set<String> selves = new HashSet<>();
        for (Entry e : entries(document)) {
            assertFalse(e.id().isEmpty(), what + ": id of " + e);
            for (String[] element :
                    new String[][] {{"title", e.title()}, {"published", e.published()}, {"updated", e.updated()}})
                assertTrue(element[1] != null, what + ": " + element[0] + " of " + e);
            assertEquals(1, e.hrefs("self").size(), what + ": one self link in " + e);
            assertEquals(1, e.hrefs("up").size(), what + ": one up link in " + e);
            assertTrue(selves.add(e.self()), what + ": self link repeats " + e.self());
            String segment = e.self().substring(e.self().lastIndexOf('/') + 1);
            assertFalse(segment.isEmpty(), what + ": self link ends with an id " + e);
            assertTrue(e.content() != null, what + ": content of " + e);
            if (e.content().getNamespaceURI().equals(ESPI) && isUsage(e.kind()))
                assertEquals(e.id(), "urn:uuid:" + segment, what + ": the self link names the resource " + e);
            assertEquals(e.self().substring(0, e.self().lastIndexOf('/')), e.up(), what + ": up of " + e);
        }
    }

    private static boolean isUsage(String kind) {
        return !kind.equals("ApplicationInformation") && !kind.equals("Authorization");
    }

    /** FX-07: GBA's atom.xsd takes an entry's links in runs of two or more, so an entry never holds a lone link. */
    static void linkRuns(String what, Atom document) {
        for (Element holder : document.elements("//atom:entry")) {
            List<Element> children = children(holder);
            int first = -1, last = -1, count = 0;
            for (int i = 0; i < children.size(); i++) {
                if (ATOM.equals(children.get(i).getNamespaceURI())
                        && children.get(i).getLocalName().equals("link")) {
                    if (first < 0) first = i;
                    last = i;
                    count++;
                }
            }
            assertTrue(count >= 2, what + ": " + count + " link(s) in " + holder.getLocalName());
            assertEquals(last - first + 1, count, what + ": links of one " + holder.getLocalName() + " in one run");
        }
    }

    /**
     * FX-08 [D007, D008, D016, D135]: each UsagePoint has a ServiceCategory kind, a related MeterReading collection
     * and a related link to exactly one LocalTimeParameters of the same feed; each LocalTimeParameters is used.
     */
    static void usagePoints(List<Entry> feed) {
        Set<String> times = selves(feed, "LocalTimeParameters"), usedTimes = new HashSet<>();
        List<Entry> points = of(feed, "UsagePoint");
        assertFalse(points.isEmpty(), "a UsagePoint in the feed");
        for (Entry up : points) {
            assertFalse(
                    text(child(up.content(), "ServiceCategory"), "kind").isEmpty(), "ServiceCategory kind of " + up);
            assertEquals(
                    List.of(up.self() + "/MeterReading"),
                    up.hrefs("related").stream()
                            .filter(h -> h.endsWith("/MeterReading"))
                            .toList(),
                    "the MeterReading collection of " + up);
            List<String> ltp =
                    up.hrefs("related").stream().filter(times::contains).toList();
            assertEquals(1, ltp.size(), "one LocalTimeParameters of the feed related to " + up + ": " + up.links());
            usedTimes.addAll(ltp);
        }
        assertEquals(times, usedTimes, "every LocalTimeParameters is some UsagePoint's");
    }

    /**
     * FX-09 [D023-D026, D054]: each MeterReading sits in exactly one UsagePoint's MeterReading collection, relates
     * to exactly one ReadingType of the feed and to its IntervalBlock collection; one that accumulates deltas
     * (accumulationBehaviour 4) has IntervalBlocks.
     */
    static void meterReadings(List<Entry> feed) {
        Map<String, Entry> types = bySelf(feed, "ReadingType");
        List<Entry> readings = of(feed, "MeterReading");
        assertFalse(readings.isEmpty(), "a MeterReading in the feed");
        for (Entry mr : readings) {
            assertEquals(
                    1,
                    of(feed, "UsagePoint").stream()
                            .filter(up -> up.hrefs("related").contains(mr.up()))
                            .count(),
                    "one UsagePoint holds " + mr);
            List<String> type =
                    mr.hrefs("related").stream().filter(types::containsKey).toList();
            assertEquals(1, type.size(), "one ReadingType of the feed related to " + mr + ": " + mr.hrefs("related"));
            String blocks = mr.self() + "/IntervalBlock";
            assertTrue(mr.hrefs("related").contains(blocks), "the IntervalBlock collection of " + mr);
            if (types.get(type.get(0)).value("accumulationBehaviour").equals("4"))
                assertTrue(
                        of(feed, "IntervalBlock").stream().anyMatch(b -> b.up().equals(blocks)),
                        "IntervalBlocks of " + mr + ", whose ReadingType accumulates deltas");
        }
    }

    /**
     * FX-10 [D037-D046, D145, D146]: each IntervalBlock has an interval and readings that each have a timePeriod
     * and a value, its first reading starts with it, it belongs to exactly one MeterReading of the feed, and no two
     * blocks, nor two readings, of one MeterReading share a start.
     */
    static void intervalBlocks(List<Entry> feed) {
        Map<String, List<Entry>> byMeterReading = new LinkedHashMap<>();
        List<Entry> blocks = of(feed, "IntervalBlock");
        assertFalse(blocks.isEmpty(), "an IntervalBlock in the feed");
        for (Entry block : blocks) {
            Element interval = child(block.content(), "interval");
            String start = text(interval, "start");
            assertFalse(start.isEmpty(), "interval start of " + block);
            assertFalse(text(interval, "duration").isEmpty(), "interval duration of " + block);
            List<Element> readings = children(block.content(), "IntervalReading");
            assertFalse(readings.isEmpty(), "readings in " + block);
            for (Element reading : readings) {
                Element period = child(reading, "timePeriod");
                assertFalse(text(period, "start").isEmpty(), "timePeriod start in " + block);
                assertFalse(text(period, "duration").isEmpty(), "timePeriod duration in " + block);
                assertFalse(text(reading, "value").isEmpty(), "value in " + block);
            }
            assertEquals(start, text(child(readings.get(0), "timePeriod"), "start"), "first reading of " + block);
            assertEquals(
                    1,
                    of(feed, "MeterReading").stream()
                            .filter(mr -> mr.hrefs("related").contains(block.up()))
                            .count(),
                    "one MeterReading holds " + block);
            byMeterReading.computeIfAbsent(block.up(), k -> new ArrayList<>()).add(block);
        }
        byMeterReading.forEach((meterReading, theirs) -> {
            List<String> starts = theirs.stream()
                    .map(b -> text(child(b.content(), "interval"), "start"))
                    .toList();
            assertEquals(starts.size(), new HashSet<>(starts).size(), "block starts repeat in " + meterReading);
            List<String> readingStarts = theirs.stream()
                    .flatMap(b -> children(b.content(), "IntervalReading").stream())
                    .map(r -> text(child(r, "timePeriod"), "start"))
                    .toList();
            assertEquals(
                    readingStarts.size(),
                    new HashSet<>(readingStarts).size(),
                    "reading starts repeat in " + meterReading);
        });
    }

    /** FX-11 [D058, D062-D068]: a ReadingType says its intervalLength, kind, powerOfTenMultiplier, uom, phase. */
    static void readingTypes(List<Entry> feed) {
        List<Entry> types = of(feed, "ReadingType");
        assertFalse(types.isEmpty(), "a ReadingType in the feed");
        for (Entry rt : types) {
            for (String field : List.of("intervalLength", "kind", "powerOfTenMultiplier", "uom"))
                assertFalse(rt.value(field).isEmpty(), field + " of " + rt);
            if (rt.value("commodity").equals("1")) assertFalse(rt.value("phase").isEmpty(), "phase of electric " + rt);
        }
    }

    /**
     * FX-12 [D078-D080, D147]: the commodity Function Blocks the feed proves: an interval MeterReading of that
     * commodity, under a UsagePoint of the matching ServiceCategory. 5 electricity, 10 gas, 11 water, 29
     * temperature.
     */
    static Set<Integer> commodities(List<Entry> feed) {
        Map<String, Entry> types = bySelf(feed, "ReadingType");
        Set<Integer> proved = new TreeSet<>();
        for (Entry mr : of(feed, "MeterReading")) {
            Entry rt = mr.hrefs("related").stream()
                    .filter(types::containsKey)
                    .map(types::get)
                    .findFirst()
                    .orElseThrow();
            String service = of(feed, "UsagePoint").stream()
                    .filter(up -> up.hrefs("related").contains(mr.up()))
                    .map(up -> text(child(up.content(), "ServiceCategory"), "kind"))
                    .findFirst()
                    .orElse("");
            String commodity = rt.value("commodity"), kind = rt.value("kind"), uom = rt.value("uom");
            boolean deltas = rt.value("accumulationBehaviour").equals("4");
            if (deltas
                    && service.equals("0")
                    && commodity.equals("1")
                    && rt.value("flowDirection").equals("1")
                    && kind.equals("12")
                    && uom.equals("72")) proved.add(5);
            if (service.equals("1")
                    && commodity.equals("7")
                    && ((kind.equals("12") && Set.of("31", "132", "169").contains(uom))
                            || (kind.equals("58") && Set.of("42", "119").contains(uom)))) proved.add(10);
            if (service.equals("2")
                    && commodity.equals("9")
                    && kind.equals("58")
                    && Set.of("128", "119", "42").contains(uom)) proved.add(11);
            if (kind.equals("46") && uom.equals("6")) proved.add(29);
        }
        return proved;
    }

    /** FX-14: ESPI times are whole seconds since the epoch, durations fit UInt32. */
    static void times(String what, Atom document) {
        for (Element e : document.elements("//espi:start | //espi:timeStamp | //espi:statusTimeStamp"))
            assertTrue(e.getTextContent().trim().matches("-?\\d+"), what + ": " + e.getLocalName() + " " + text(e));
        for (Element e : document.elements("//espi:duration")) {
            String d = e.getTextContent().trim();
            assertTrue(d.matches("\\d+") && Long.parseLong(d) <= 0xFFFF_FFFFL, what + ": duration " + d);
        }
    }

    /** FX-16: a MeterReading's IntervalBlocks come in the order of their start. */
    static void chronological(List<Entry> feed) {
        Map<String, List<Long>> starts = new LinkedHashMap<>();
        for (Entry block : of(feed, "IntervalBlock"))
            starts.computeIfAbsent(block.up(), k -> new ArrayList<>()).add(start(block));
        assertFalse(starts.isEmpty(), "IntervalBlocks in the feed");
        starts.forEach((meterReading, list) ->
                assertEquals(list.stream().sorted().toList(), list, "blocks in time order in " + meterReading));
    }

    /** An IntervalBlock's interval, epoch seconds: where it starts, and where it ends. */
    static long start(Entry block) {
        return Long.parseLong(text(child(block.content(), "interval"), "start"));
    }

    static long end(Entry block) {
        return start(block) + Long.parseLong(text(child(block.content(), "interval"), "duration"));
    }

    /** The resources of one kind, in document order. */
    static List<Entry> of(List<Entry> feed, String kind) {
        return feed.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** The number of entries of each kind, the kinds in document order. */
    static Map<String, Long> kinds(List<Entry> feed) {
        return feed.stream().collect(Collectors.groupingBy(Entry::kind, LinkedHashMap::new, Collectors.counting()));
    }

    private static Set<String> selves(List<Entry> feed, String kind) {
        return bySelf(feed, kind).keySet();
    }

    private static Map<String, Entry> bySelf(List<Entry> feed, String kind) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : of(feed, kind)) m.put(e.self(), e);
        return m;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) return out;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element e) out.add(e);
        return out;
    }

    private static List<Element> children(Element parent, String espiName) {
        return children(parent).stream()
                .filter(e ->
                        ESPI.equals(e.getNamespaceURI()) && e.getLocalName().equals(espiName))
                .toList();
    }

    private static Element child(Element parent, String espiName) {
        List<Element> found = children(parent, espiName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String espiName) {
        Element e = child(parent, espiName);
        return e == null ? "" : e.getTextContent().trim();
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}
