package dev.gbconnect.custodian.feed.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.atom.EspiXml;
import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.Xml;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The ESPI usage resources read back over HTTP: round trips of real samples, the access check on every path, the
 * authorized scope applied to the data, query parameters, paging, conditional and compressed answers. Every
 * document is validated against greenbutton.xsd.
 */
@ExtendWith(ArquillianExtension.class)
class UsageFeedIT {

    private static final String R = "espi/1_1/resource/";
    private static final String FIFTEEN = "openespi/test_usage_data.xml",
            HOURLY = "datasdk/1hrLP_32DaysFiveUsagePoints_M.xml",
            DAILY = "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml";
    private static final String S15 = "FB=1_3_4_5_13_14_15_18;IntervalDuration=900",
            S60 = "FB=1_3_4_5_13_14_15;IntervalDuration=3600",
            BULK = "FB=1_3_4_5_13_14_15;IntervalDuration=3600;BR=7";
    private static final String CERTIFICATE = "https://cert.greenbuttonalliance.org/certificate/IT-CERT-0001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    /** Built once for the class: uploads take seconds. A is the customer under test, B the one whose data must not leak. */
    record Fixture(
            URI base,
            Api admin,
            ThirdParties.Registered app,
            String a,
            String b,
            String fifteenPoint,
            List<String> hourlyPoints,
            String dailyPoint) {}

    private static Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        if (f != null) return;
        URI base = url.toURI();
        Api admin = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        ThirdParties.Registered app = ThirdParties.register(
                admin,
                "{\"client_name\":\"Feed reader\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                        + "\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY + "\",\"scopes\":[\"" + S15 + "\",\""
                        + S60 + "\",\"" + BULK + "\"]}");
        String a = admin.newCustomer("feed-a-" + UUID.randomUUID().toString().substring(0, 8));
        String b = admin.newCustomer("feed-b-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(201, admin.upload(a, Shared.sample(FIFTEEN)).status());
        String fifteen = usagePoints(admin, a).get(0);
        assertEquals(201, admin.upload(a, Shared.sample(HOURLY)).status());
        List<String> hourly = new ArrayList<>(usagePoints(admin, a));
        hourly.remove(fifteen);
        assertEquals(201, admin.upload(b, Shared.sample(DAILY)).status());
        f = new Fixture(
                base, admin, app, a, b, fifteen, hourly, usagePoints(admin, b).get(0));
    }

    /** A customer's usage point ids, from the data custodian's Download My Data. */
    private static List<String> usagePoints(Api admin, String customer) {
        Atom batch = valid(admin.get(R + "Batch/RetailCustomer/" + customer + "/UsagePoint"));
        return batch.texts("/atom:feed/atom:entry[atom:content/espi:UsagePoint]/atom:id").stream()
                .map(id -> id.substring("urn:uuid:".length()))
                .toList();
    }

    /** A third party's token for a Subscription, through offline authorization and the refresh grant. */
    private static JsonObject token(String customer, String scope, List<String> usagePoints) {
        return ThirdParties.offlineToken(f.admin(), f.app(), customer, scope, usagePoints);
    }

    private static Api bearer(JsonObject token) {
        return Api.withAuthorization(f.base(), "Bearer " + token.getString("access_token"));
    }

    private static String subscription(JsonObject token) {
        String resource = token.getString("resourceURI");
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    private static Atom valid(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/atom+xml"), reply.header("Content-Type"));
        return Atom.valid(reply.body());
    }

    private static String idOf(String urn) {
        return urn.substring("urn:uuid:".length());
    }

    @Test
    void batchWhenDownloadedThenEveryResourceOfTheSampleComesBackWithEveryValue() throws IOException {
        Atom batch = valid(f.admin().get(R + "Batch/RetailCustomer/" + f.a() + "/UsagePoint/" + f.fifteenPoint()));
        Document original = Xml.parse(Files.newInputStream(Shared.sample(FIFTEEN)));

        for (String kind : List.of(
                "UsagePoint",
                "MeterReading",
                "ReadingType",
                "IntervalBlock",
                "ElectricPowerUsageSummary",
                "ElectricPowerQualitySummary",
                "LocalTimeParameters")) {
            List<Element> expected = new ArrayList<>();
            for (Element content : Xml.elements(original, "http://www.w3.org/2005/Atom", "content")) {
                for (var n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getLocalName().equals(kind)) expected.add(e);
                }
            }
            List<Element> served = batch.elements("/atom:feed/atom:entry/atom:content/espi:" + kind);
            assertEquals(expected.size(), served.size(), kind);
            assertFalse(expected.isEmpty(), kind);
            for (int i = 0; i < expected.size(); i++) {
                Element e = expected.get(i), s = served.get(i);
                assertTrue(Xml.same(e, s), () -> kind + " differs:\n" + Xml.toString(e) + "\n---\n" + Xml.toString(s));
            }
        }
        assertEquals(1340, batch.count("//espi:IntervalReading"));
        assertEquals(List.of(CERTIFICATE), batch.texts("/atom:feed/atom:link[@rel='related']/@href"));
    }

    /** Each valid sample of ../shared/samples, uploaded to a customer of its own and downloaded again. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "gba-sample-data/Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml",
                DAILY,
                "gba-sample-data/TestGBDataOneYearDailyBinnedMonthly.xml",
                FIFTEEN,
                HOURLY,
                "datasdk/BatchFeedThreeUsagePoints_M.xml",
                "datasdk/Gas.xml",
                "datasdk/Water.xml",
                "synthetic/synthetic_batch_subscription_usagesummary.xml"
            })
    void roundTripWhenAValidSampleIsDownloadedThenEveryResourceAndValueSurvives(String sample) throws IOException {
        String customer =
                f.admin().newCustomer("trip-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(201, f.admin().upload(customer, Shared.sample(sample)).status());
        Atom batch = valid(f.admin().get(R + "Batch/RetailCustomer/" + customer + "/UsagePoint"));
        Document original = Xml.parse(Files.newInputStream(Shared.sample(sample)));
        Map<String, List<Element>> expected = new LinkedHashMap<>();
        for (Element content : Xml.elements(original, "http://www.w3.org/2005/Atom", "content")) {
            for (var n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e)
                    expected.computeIfAbsent(e.getLocalName(), k -> new ArrayList<>())
                            .add(e);
            }
        }
        assertEquals(
                expected.values().stream().mapToInt(List::size).sum(),
                batch.count("/atom:feed/atom:entry"),
                "one entry per resource");
        for (var kind : expected.entrySet()) {
            List<Element> served =
                    new ArrayList<>(batch.elements("/atom:feed/atom:entry/atom:content/espi:" + kind.getKey()));
            assertEquals(kind.getValue().size(), served.size(), kind.getKey());
            for (Element e : kind.getValue()) {
                Element match = served.stream()
                        .filter(s -> Xml.same(e, s))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(
                                sample + ": no served " + kind.getKey() + " equals\n" + Xml.toString(e)));
                served.remove(match);
            }
        }
    }

    @Test
    void entriesWhenFetchedByTheirSelfLinksThenTheSameEntryWithStableIdsAndGbaLinks() {
        Atom batch = valid(f.admin().get(R + "Batch/RetailCustomer/" + f.a() + "/UsagePoint/" + f.fifteenPoint()));
        List<String> selves = batch.texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href");
        List<String> ids = batch.texts("/atom:feed/atom:entry/atom:id");
        assertEquals(
                1 + 1 + 1 + 1 + 14 + 1 + 1,
                selves.size(),
                "UsagePoint, LocalTimeParameters, MeterReading, ReadingType, 14 blocks, 2 summaries");
        for (int i = 0; i < selves.size(); i++) {
            Atom entry = valid(
                    f.admin().get(f.base().relativize(URI.create(selves.get(i))).toString()));
            assertEquals(ids.get(i), entry.text("/atom:entry/atom:id"));
            assertEquals(selves.get(i), entry.text("/atom:entry/atom:link[@rel='self']/@href"));
            String up = entry.text("/atom:entry/atom:link[@rel='up']/@href");
            assertEquals(
                    selves.get(i).substring(0, selves.get(i).lastIndexOf('/')),
                    up,
                    "up is the collection, without the id");
            assertTrue(entry.text("/atom:entry/atom:link[@rel='self']/@type").startsWith("espi-entry/"));
            assertTrue(entry.text("/atom:entry/atom:id")
                    .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
            assertEquals(CERTIFICATE, entry.text("/atom:entry/atom:link[@href='" + CERTIFICATE + "']/@href"));
        }
        Atom usagePoint = valid(f.admin().get(R + "UsagePoint/" + f.fifteenPoint()));
        for (String related : List.of("MeterReading", "UsageSummary", "ElectricPowerQualitySummary")) {
            assertEquals(
                    "espi-feed/" + related,
                    usagePoint.text("/atom:entry/atom:link[@href='" + f.base() + R + "UsagePoint/" + f.fifteenPoint()
                            + "/" + related + "']/@type"));
        }
        assertEquals(
                "espi-entry/LocalTimeParameters",
                usagePoint.text("/atom:entry/atom:link[contains(@href, '/LocalTimeParameters/')]/@type"));
        assertEquals(
                ids,
                valid(f.admin().get(R + "Batch/RetailCustomer/" + f.a() + "/UsagePoint/" + f.fifteenPoint()))
                        .texts("/atom:feed/atom:entry/atom:id"),
                "the same ids on every request");
    }

    @Test
    void subscriptionWhenCustomerSharedTwoUsagePointsThenOnlyThoseAndOnlyReadingsAtTheScopedInterval() {
        List<String> shared = List.of(f.hourlyPoints().get(0), f.hourlyPoints().get(1), f.fifteenPoint());
        JsonObject token = token(f.a(), S60, shared);
        Api api = bearer(token);
        String sub = R + "Subscription/" + subscription(token) + "/";

        Atom points = valid(api.get(sub + "UsagePoint"));
        assertEquals(
                Set.copyOf(shared),
                Set.copyOf(points.texts("/atom:feed/atom:entry/atom:id").stream()
                        .map(UsageFeedIT::idOf)
                        .toList()));
        assertTrue(points.text("/atom:feed/atom:entry[1]/atom:link[@rel='self']/@href")
                .startsWith(f.base() + sub + "UsagePoint/"));
        assertEquals(
                0,
                valid(api.get(sub + "UsagePoint/" + f.fifteenPoint() + "/MeterReading"))
                        .count("/atom:feed/atom:entry"),
                "the 15-minute MeterReading is outside IntervalDuration=3600");
        Atom readings = valid(api.get(sub + "UsagePoint/" + shared.get(0) + "/MeterReading"));
        assertEquals(1, readings.count("/atom:feed/atom:entry"));
        String blocks = readings.text(
                "/atom:feed/atom:entry/atom:link[@rel='related' and @type='espi-feed/IntervalBlock']/@href");
        assertEquals(
                32,
                valid(api.get(f.base().relativize(URI.create(blocks)).toString()))
                        .count("/atom:feed/atom:entry"));

        Atom batch = valid(api.get(R + "Batch/Subscription/" + subscription(token)));
        assertEquals(3, batch.count("/atom:feed/atom:entry/atom:content/espi:UsagePoint"));
        assertEquals(64, batch.count("/atom:feed/atom:entry/atom:content/espi:IntervalBlock"));
        assertEquals(
                List.of("3600"),
                new ArrayList<>(new HashSet<>(batch.texts("//espi:IntervalReading/espi:timePeriod/espi:duration"))));
        assertEquals(
                batch.count("//espi:IntervalReading"),
                valid(api.get(R + "Batch/Subscription/" + subscription(token) + "/UsagePoint"))
                        .count("//espi:IntervalReading"));

        String unshared = f.hourlyPoints().get(2);
        for (String path : List.of(
                sub + "UsagePoint/" + unshared,
                sub + "UsagePoint/" + unshared + "/MeterReading",
                R + "UsagePoint/" + unshared,
                R + "Batch/Subscription/" + subscription(token) + "/UsagePoint/" + unshared)) {
            assertEquals(404, api.get(path).status(), path);
        }
        assertEquals(
                3,
                valid(api.get(R + "UsagePoint")).count("/atom:feed/atom:entry"),
                "the root form within the token's reach");
    }

    @Test
    void isolationWhenTokenOfAAsksForEveryIdOfBThenTheAnswerIsThatOfAnIdThatDoesNotExist() {
        JsonObject token = token(f.a(), S60, null);
        Api api = bearer(token);
        String sub = R + "Subscription/" + subscription(token) + "/";
        Atom theirs = valid(f.admin().get(R + "Batch/RetailCustomer/" + f.b() + "/UsagePoint"));
        String up = f.dailyPoint();
        String mr = idOf(theirs.text("/atom:feed/atom:entry[atom:content/espi:MeterReading]/atom:id"));
        String block = idOf(theirs.text("/atom:feed/atom:entry[atom:content/espi:IntervalBlock][1]/atom:id"));
        String summary =
                idOf(theirs.text("/atom:feed/atom:entry[atom:content/espi:ElectricPowerUsageSummary][1]/atom:id"));
        String type = idOf(theirs.text("/atom:feed/atom:entry[atom:content/espi:ReadingType]/atom:id"));
        String missing = UUID.randomUUID().toString();

        Map<String, String> theirsByPath = new LinkedHashMap<>();
        theirsByPath.put("UsagePoint/%s", up);
        theirsByPath.put("UsagePoint/%s/MeterReading", up);
        theirsByPath.put("UsagePoint/%s/UsageSummary", up);
        theirsByPath.put("UsagePoint/" + up + "/MeterReading/%s", mr);
        theirsByPath.put("UsagePoint/" + up + "/MeterReading/%s/IntervalBlock", mr);
        theirsByPath.put("UsagePoint/" + up + "/MeterReading/" + mr + "/IntervalBlock/%s", block);
        theirsByPath.put("UsagePoint/" + up + "/UsageSummary/%s", summary);
        theirsByPath.put("ReadingType/%s", type);
        theirsByPath.put("MeterReading/%s", mr);
        theirsByPath.put("IntervalBlock/%s", block);
        theirsByPath.put("UsageSummary/%s", summary);
        for (var e : theirsByPath.entrySet()) {
            for (String form : List.of(sub, R)) {
                Api.Reply other = api.get(form + e.getKey().formatted(e.getValue()));
                Api.Reply none = api.get(form + e.getKey().formatted(missing));
                assertEquals(404, other.status(), form + e.getKey());
                assertEquals(none.status(), other.status());
                assertEquals(
                        none.body().replace(missing, "ID"),
                        other.body().replace(e.getValue(), "ID"),
                        form + e.getKey());
            }
        }
        assertEquals(
                404,
                api.get(R + "Batch/RetailCustomer/" + f.b() + "/UsagePoint").status());
        assertEquals(404, api.get(R + "Batch/Subscription/" + UUID.randomUUID()).status());
        Atom own = valid(api.get(R + "Batch/RetailCustomer/" + f.a() + "/UsagePoint"));
        assertEquals(
                6,
                own.count("/atom:feed/atom:entry/atom:content/espi:UsagePoint"),
                "Download My Data with the customer's token: its Subscription");
    }

    @Test
    void intervalBlocksWhenPublishedBoundsSpanSecondToNextToLastThenAllButFirstAndLast() {
        String blocks = R + "UsagePoint/" + f.fifteenPoint() + "/MeterReading/" + meterReadingOf(f.fifteenPoint())
                + "/IntervalBlock";
        Atom all = valid(f.admin().get(blocks + "/"));
        List<String> starts = all.texts("//espi:IntervalBlock/espi:interval/espi:start");
        List<String> durations = all.texts("//espi:IntervalBlock/espi:interval/espi:duration");
        assertEquals(14, starts.size());
        assertEquals(
                starts.stream().map(Long::valueOf).sorted().map(String::valueOf).toList(), starts, "chronological");
        int n = starts.size();
        String min = Instant.ofEpochSecond(Long.parseLong(starts.get(1))).toString();
        String max = Instant.ofEpochSecond(Long.parseLong(starts.get(n - 2)) + Long.parseLong(durations.get(n - 2)))
                .toString();
        Atom bounded = valid(f.admin().get(blocks + "?published-min=" + min + "&published-max=" + max));
        assertEquals(starts.subList(1, n - 1), bounded.texts("//espi:IntervalBlock/espi:interval/espi:start"));

        for (String bad : List.of(
                "published-min=All",
                "published-max=03/01/2016",
                "updated-min=yesterday",
                "max-results=-1",
                "start-index=0",
                "max-results=ten",
                "depth=x",
                "start-index=1&start-index=2")) {
            Api.Reply r = f.admin().get(blocks + "?" + bad);
            assertEquals(400, r.status(), bad);
            assertTrue(r.body().contains(bad.substring(0, bad.indexOf('='))), r.body());
        }
    }

    private static String meterReadingOf(String usagePoint) {
        return idOf(valid(f.admin().get(R + "UsagePoint/" + usagePoint + "/MeterReading"))
                .text("/atom:feed/atom:entry/atom:id"));
    }

    @Test
    void pagingWhenWalkingNextLinksThenEveryBlockExactlyOnce() {
        String blocks = R + "UsagePoint/" + f.dailyPoint() + "/MeterReading/" + meterReadingOf(f.dailyPoint())
                + "/IntervalBlock";
        List<String> seen = new ArrayList<>();
        String next = blocks + "?max-results=100";
        int pages = 0;
        while (next != null) {
            Atom page = valid(f.admin().get(next));
            seen.addAll(page.texts("/atom:feed/atom:entry/atom:id"));
            if (pages > 0)
                assertFalse(
                        page.text("/atom:feed/atom:link[@rel='previous']/@href").isEmpty());
            String link = page.text("/atom:feed/atom:link[@rel='next']/@href");
            next = link.isEmpty() ? null : f.base().relativize(URI.create(link)).toString();
            pages++;
        }
        assertEquals(4, pages);
        assertEquals(365, seen.size());
        assertEquals(365, new HashSet<>(seen).size());
        assertEquals(valid(f.admin().get(blocks)).texts("/atom:feed/atom:entry/atom:id"), seen, "pages in feed order");
        assertEquals(
                seen.subList(10, 15),
                valid(f.admin().get(blocks + "?start-index=11&depth=5")).texts("/atom:feed/atom:entry/atom:id"));
    }

    @Test
    void historyLengthWhenItEndsInsideABlockThenOnlyTheReadingsAfterItAndTheIntervalShrinks() {
        // HistoryLength in seconds reaching back to just before 2012-03-08T12:00Z, inside the sample's eighth day.
        Instant from = Instant.parse("2012-03-08T11:59:30Z");
        String scope = "FB=1_3_4_5_13_14;IntervalDuration=900;HistoryLength="
                + (Instant.now().getEpochSecond() - from.getEpochSecond());
        ThirdParties.Registered reader = ThirdParties.register(
                f.admin(),
                "{\"client_name\":\"History reader\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                        + "\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY + "\",\"scopes\":[\"" + scope + "\"]}");
        JsonObject token = ThirdParties.offlineToken(f.admin(), reader, f.a(), scope, List.of(f.fifteenPoint()));

        Atom batch = valid(bearer(token).get(R + "Batch/Subscription/" + subscription(token)));
        List<Long> starts = batch.texts("//espi:IntervalReading/espi:timePeriod/espi:start").stream()
                .map(Long::valueOf)
                .toList();
        assertEquals(Instant.parse("2012-03-08T12:00:00Z").getEpochSecond(), starts.get(0));
        assertTrue(starts.stream().allMatch(s -> s >= from.getEpochSecond()));
        assertEquals(String.valueOf(starts.get(0)), batch.text("//espi:IntervalBlock[1]/espi:interval/espi:start"));
        Atom all = valid(f.admin().get(R + "Batch/RetailCustomer/" + f.a() + "/UsagePoint/" + f.fifteenPoint()));
        long kept = all.texts("//espi:IntervalReading/espi:timePeriod/espi:start").stream()
                .mapToLong(Long::parseLong)
                .filter(s -> s >= from.getEpochSecond())
                .count();
        assertEquals(kept, starts.size());
    }

    @Test
    void bulkWhenThirdPartyAsksWithItsBackOfficeTokenThenEverySubscriptionWithThatBulkId() {
        JsonObject first = token(f.a(), BULK, List.of(f.hourlyPoints().get(3)));
        JsonObject second = token(f.b(), BULK, null);
        token(f.a(), S60, List.of(f.hourlyPoints().get(4)));
        String backOffice = Api.withAuthorization(f.base(), null)
                .token(f.app().basic(), "grant_type=client_credentials&scope=ThirdParty_Admin_Access")
                .json()
                .getString("access_token");
        Api api = Api.withAuthorization(f.base(), "Bearer " + backOffice);

        Atom bulk = valid(api.get(R + "Batch/Bulk/7"));
        Set<String> points =
                Set.copyOf(bulk.texts("/atom:feed/atom:entry[atom:content/espi:UsagePoint]/atom:id").stream()
                        .map(UsageFeedIT::idOf)
                        .toList());
        assertTrue(points.containsAll(List.of(f.hourlyPoints().get(3), f.dailyPoint())), points.toString());
        assertFalse(points.contains(f.hourlyPoints().get(4)), "a Subscription without BR=7");
        assertTrue(bulk.texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href").stream()
                .anyMatch(h -> h.contains("/Subscription/" + subscription(first) + "/")
                        || h.contains("/Subscription/" + subscription(second) + "/")));
        assertEquals(404, api.get(R + "Batch/Bulk/8").status());
        assertEquals(403, api.get(R + "UsagePoint").status(), "a back-office token reads no usage data outside bulk");
        assertEquals(403, bearer(first).get(R + "Batch/Bulk/7").status(), "a customer's token is not the back office");
    }

    /**
     * A bulk request reads many Subscriptions together; each must still come out exactly as its own batch would,
     * with its own usage points, intervals and history: here one reads hourly data only, two from mid-2011 on.
     */
    @Test
    void bulkWhenSubscriptionsDifferInScopeThenEachReadsAsInItsOwnBatch() {
        String bulk = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long history = Instant.now().getEpochSecond()
                - Instant.parse("2011-07-01T00:00:00Z").getEpochSecond();
        String hourly = "FB=1_3_4_5_13_14_15;IntervalDuration=3600;BR=" + bulk,
                recent = "FB=1_3_4_5_13_14_15;HistoryLength=" + history + ";BR=" + bulk;
        ThirdParties.Registered app = bulkReader(hourly, recent);
        List<JsonObject> subscriptions = List.of(
                ThirdParties.offlineToken(f.admin(), app, f.a(), hourly, null),
                ThirdParties.offlineToken(f.admin(), app, f.b(), recent, null),
                ThirdParties.offlineToken(f.admin(), app, f.a(), recent, List.of(f.fifteenPoint())));
        Api backOffice = backOffice(app);
        // two weeks across the history's start (1 July 2011), so both the query's and each Authorization's own apply
        String query = "?published-min=2011-06-24T00:00:00Z&published-max=2011-07-08T00:00:00Z";
        Atom all = valid(backOffice.get(R + "Batch/Bulk/" + bulk + query));
        for (JsonObject token : subscriptions) {
            String id = subscription(token);
            List<String> own = entries(valid(bearer(token).get(R + "Batch/Subscription/" + id + query)), id);
            assertFalse(own.isEmpty(), id);
            assertEquals(own, entries(all, id), id);
        }
    }

    /**
     * The whole-bulk statements select by the third party, its Authorizations' state and their scope, and by the
     * usage points chosen at consent: another third party's Authorization with the same bulk id, a revoked one, one
     * whose bulk id only starts with the same digits, and the usage points the customer left out stay out.
     */
    @Test
    void bulkWhenOthersShareTheBulkIdOrTheirAuthorizationEndedThenOnlyTheThirdPartysActiveSubscriptions() {
        String bulk = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String scope = "FB=1_3_4_5_13_14_15;BR=" + bulk, longer = scope + "9";
        ThirdParties.Registered app = bulkReader(scope, longer), other = bulkReader(scope);
        JsonObject chosen = ThirdParties.offlineToken(f.admin(), app, f.a(), scope, List.of(f.fifteenPoint()));
        JsonObject revoked = ThirdParties.offline(f.admin(), app, f.b(), scope, null);
        assertEquals(
                204, f.admin().delete(revoked.getString("authorizationURI")).status());
        ThirdParties.offline(f.admin(), app, f.b(), longer, null);
        JsonObject others = ThirdParties.offline(f.admin(), other, f.b(), scope, null);

        Atom all = valid(backOffice(app).get(R + "Batch/Bulk/" + bulk));
        assertEquals(Set.of(subscription(chosen)), subscriptionsIn(all));
        assertEquals(
                List.of(f.fifteenPoint()),
                all.texts("/atom:feed/atom:entry[atom:content/espi:UsagePoint]/atom:id").stream()
                        .map(UsageFeedIT::idOf)
                        .toList());
        assertTrue(
                valid(f.admin().get(R + "Batch/Bulk/" + bulk))
                        .texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href")
                        .stream()
                        .anyMatch(h -> h.contains("/Subscription/" + subscription(others) + "/")),
                "the data custodian reads every third party's bulk");
    }

    @Test
    void bulkWhenCustomerDisabledThenTheirSubscriptionLeavesItUntilEnabledAgain() {
        String bulk = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String scope = "FB=1_3_4_5_13_14_15;BR=" + bulk;
        ThirdParties.Registered app = bulkReader(scope);
        String customer =
                f.admin().newCustomer("bulk-off-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(201, f.admin().upload(customer, Shared.sample(DAILY)).status());
        String shared = subscription(ThirdParties.offline(f.admin(), app, customer, scope, null));
        String other = subscription(ThirdParties.offline(f.admin(), app, f.b(), scope, null));
        Api backOffice = backOffice(app);
        assertEquals(Set.of(shared, other), subscriptionsIn(valid(backOffice.get(R + "Batch/Bulk/" + bulk))));

        assertEquals(200, enable(customer, false).status());
        assertEquals(
                Set.of(other),
                subscriptionsIn(valid(backOffice.get(R + "Batch/Bulk/" + bulk))),
                "a disabled customer shares nothing, in a bulk as in their own Subscription");

        assertEquals(200, enable(customer, true).status());
        assertEquals(Set.of(shared, other), subscriptionsIn(valid(backOffice.get(R + "Batch/Bulk/" + bulk))));
    }

    private static Api.Reply enable(String customer, boolean enabled) {
        return f.admin().patchJson("admin/customers/" + customer, "{\"enabled\":" + enabled + "}");
    }

    /** The Subscriptions a bulk document holds, by their ids. */
    private static Set<String> subscriptionsIn(Atom bulk) {
        return Set.copyOf(bulk.texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href").stream()
                .filter(h -> !h.contains("/ReadingType/") && !h.contains("/LocalTimeParameters/"))
                .map(h -> h.replaceAll(".*/Subscription/([^/]+)/.*", "$1"))
                .toList());
    }

    private static ThirdParties.Registered bulkReader(String... scopes) {
        return ThirdParties.register(
                f.admin(),
                "{\"client_name\":\"Bulk reader\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                        + "\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY + "\",\"scopes\":[\""
                        + String.join("\",\"", scopes) + "\"]}");
    }

    private static Api backOffice(ThirdParties.Registered app) {
        return Api.withAuthorization(
                f.base(),
                "Bearer "
                        + Api.withAuthorization(f.base(), null)
                                .token(app.basic(), "grant_type=client_credentials&scope=ThirdParty_Admin_Access")
                                .json()
                                .getString("access_token"));
    }

    /**
     * A Subscription's entries in a batch, each as its self link and its content's text; without ReadingTypes and
     * LocalTimeParameters, which a document holding several Subscriptions of one customer carries once.
     */
    private static List<String> entries(Atom batch, String subscription) {
        List<String> entries = new ArrayList<>();
        for (Element e : batch.elements("/atom:feed/atom:entry")) {
            if (e.getElementsByTagNameNS(EspiXml.ESPI, "ReadingType").getLength() > 0
                    || e.getElementsByTagNameNS(EspiXml.ESPI, "LocalTimeParameters")
                                    .getLength()
                            > 0) continue;
            String self = "";
            var links = e.getElementsByTagNameNS(EspiXml.ATOM, "link");
            for (int i = 0; i < links.getLength(); i++) {
                Element link = (Element) links.item(i);
                if (link.getAttribute("rel").equals("self")) self = link.getAttribute("href");
            }
            if (self.contains("/Subscription/" + subscription + "/"))
                entries.add(self + " "
                        + e.getElementsByTagNameNS(EspiXml.ATOM, "content")
                                .item(0)
                                .getTextContent());
        }
        return entries;
    }

    @Test
    void entryWhenAskedAgainWithItsETagOrDateThenNotModified() {
        String path = R + "UsagePoint/" + f.fifteenPoint();
        Api.Reply first = f.admin().get(path);
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
        assertEquals(304, f.admin().get(path, "If-None-Match", etag).status());
        assertEquals(
                304,
                f.admin()
                        .get(path, "If-Modified-Since", first.header("Last-Modified"))
                        .status());
        assertEquals(
                200, f.admin().get(path, "If-None-Match", "\"something-else\"").status());
    }

    @Test
    void feedWhenClientAcceptsGzipThenCompressedAndTheSameDocument() throws IOException {
        String path = R + "Batch/RetailCustomer/" + f.b() + "/UsagePoint";
        String plain = f.admin().get(path).body();
        HttpResponse<byte[]> zipped = f.admin().getBytes(path, "Accept-Encoding", "gzip");
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(zipped.body().length * 5 < plain.length(), zipped.body().length + " vs " + plain.length());
        String unzipped = new String(
                new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        Atom.valid(unzipped);
        assertEquals(
                plain.replaceAll("<updated>[^<]*</updated>", "").length(),
                unzipped.replaceAll("<updated>[^<]*</updated>", "").length());
        assertTrue(f.admin().get(path, "Accept-Encoding", "gzip;q=0").header("Content-Encoding") == null);
    }

    @Test
    void rootFormWhenAdminThenEveryKindAndTheSharedResources() {
        for (String kind : List.of(
                "UsagePoint",
                "MeterReading",
                "IntervalBlock",
                "UsageSummary",
                "ElectricPowerQualitySummary",
                "ReadingType",
                "LocalTimeParameters")) {
            Atom feed = valid(f.admin().get(R + kind + "?max-results=3"));
            assertTrue(feed.count("/atom:feed/atom:entry") > 0, kind);
            assertEquals(f.base() + R + kind + "?max-results=3", feed.text("/atom:feed/atom:link[@rel='self']/@href"));
            String id = idOf(feed.text("/atom:feed/atom:entry[1]/atom:id"));
            assertEquals(
                    "urn:uuid:" + id, valid(f.admin().get(R + kind + "/" + id)).text("/atom:entry/atom:id"), kind);
        }
        assertEquals(
                404,
                f.admin()
                        .get(R + "Batch/RetailCustomer/" + UUID.randomUUID() + "/UsagePoint")
                        .status());
        assertEquals(
                401, Api.withAuthorization(f.base(), null).get(R + "UsagePoint").status());
    }

    /**
     * Reads take turns (FeedAdmission, two per core). Clients that ask for a large download and then stop reading
     * must not keep their turns: with more of them than there are turns, another reader is still served at once.
     */
    @Test
    void readersWhenSeveralStopReadingMidDownloadThenAnotherIsStillServed() throws Exception {
        String big =
                f.admin().newCustomer("feed-big-" + UUID.randomUUID().toString().substring(0, 8));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        GreenButtonGenerator.write(
                file,
                new Plan(
                        List.of(new Point("stalled", Kind.ELECTRIC, 11)),
                        Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(),
                        120,
                        900));
        assertEquals(
                201,
                f.admin()
                        .upload(big, "application/atom+xml", file.toByteArray())
                        .status());
        String request = "GET /" + R + "Batch/RetailCustomer/" + big + "/UsagePoint HTTP/1.1\r\nHost: "
                + f.base().getHost() + "\r\nAuthorization: " + f.admin().authorization() + "\r\n\r\n";
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 2; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(2048);
                s.connect(new InetSocketAddress(f.base().getHost(), f.base().getPort()));
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            // Long enough for each stalled answer to fill the socket buffers and block its writer.
            Thread.sleep(1_000);
            long t = System.nanoTime();
            valid(f.admin().get(R + "UsagePoint/" + f.fifteenPoint()));
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertTrue(ms < 5_000, "a reader waited " + ms + " ms behind clients that stopped reading");
        } finally {
            for (Socket s : stalled) s.close();
        }
    }
}
