package dev.gbconnect.custodian.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.CustomerInfoFiles;
import dev.gbconnect.custodian.testsupport.Shared;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Uploads that name the same resources at the same time, as a utility's parallel nightly delivery sends them: each
 * is answered 2xx and stores its data once, on Derby and (with {@code -Dit.postgres=true}) on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentUploadIT {

    private static final long DAY = 86_400;
    private static final long FIRST_DAY = Instant.parse("2024-03-01T00:00:00Z").getEpochSecond();
    private static final Pattern VALUE = Pattern.compile("<value>(\\d+)</value>");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void uploadWhenSameFileFromFourClientsAtOnceThenOneCreatesAndTheOthersChangeNothing() throws Exception {
        // ten days: an import long enough for all four to overlap
        byte[] file = feed(List.of(point("meter-a"), point("meter-b")), 0, 10);
        Map<String, List<byte[]>> expected = Map.of(
                "meter-a",
                List.of(feed(List.of(point("meter-a")), 0, 10)),
                "meter-b",
                List.of(feed(List.of(point("meter-b")), 0, 10)));
        List<Executable> checks = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String customer = admin().newCustomer(username());
            List<Api.Reply> replies = atOnce(4, i -> admin().upload(customer, "application/atom+xml", file));

            checks.add(() -> assertAll(replies.stream()
                    .map(r -> () -> assertEquals(2, r.status() / 100, r.status() + " " + r.body()))));
            checks.add(() -> assertEquals(
                    1, replies.stream().filter(r -> r.status() == 201).count(), "exactly one upload created the data"));
            checks.add(() -> assertStored(customer, expected));
        }
        assertAll(checks);
    }

    @Test
    void uploadWhenSixteenClientsSendDifferentDaysOfTheSameUsagePointsThenEveryDayIsStoredOnce() throws Exception {
        int days = 8;
        List<String> customers = List.of(admin().newCustomer(username()), admin().newCustomer(username()));
        List<Point> points = List.of(point("meter-a"), point("meter-b"));
        // Day-major order: the uploads running together are different days of the same usage points.
        List<String> to = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            byte[] file = feed(points, d, 1);
            for (String customer : customers) {
                to.add(customer);
                files.add(file);
            }
        }

        List<Api.Reply> replies =
                atOnce(files.size(), i -> admin().upload(to.get(i), "application/atom+xml", files.get(i)));

        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Api.Reply r = replies.get(i);
            String what = "upload " + i + ": " + r.status() + " " + r.body();
            checks.add(() -> assertEquals(2, r.status() / 100, what));
        }
        Map<String, List<byte[]>> expected = new HashMap<>();
        for (Point p : points) {
            for (int d = 0; d < days; d++)
                expected.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(feed(List.of(p), d, 1));
        }
        for (String customer : customers) checks.add(() -> assertStored(customer, expected));
        assertAll(checks);
    }

    @Test
    void createCustomerWhenSameUsernameFromFourClientsAtOnceThenOneCreatedAndTheOthers409() throws Exception {
        String username = username();
        String body = "{\"username\":\"" + username + "\",\"password\":\"pass-" + username + "\"}";
        List<Api.Reply> replies = atOnce(4, i -> admin().postJson("admin/customers", body));

        assertEquals(
                List.of(201, 409, 409, 409),
                replies.stream().map(Api.Reply::status).sorted().toList(),
                replies.stream().map(Api.Reply::body).toList().toString());
    }

    /**
     * Bulk customer uploads creating the same new customers at once (issue 17): each is stored whole, or refused whole
     * with 409 {@code upload_conflict} (upload.md), never a 500; at least one stores them, and each exists once.
     */
    @Test
    void bulkUploadWhenSameNewCustomersFromThreeClientsAtOnceThenStoredOrConflictAndEachCustomerOnce()
            throws Exception {
        String prefix = username();
        byte[] file = CustomerInfoFiles.bulk(prefix, 300, false);
        List<Api.Reply> replies = atOnce(3, i -> {
            Api admin = admin();
            return admin.raw(
                    "POST",
                    "espi/1_1/resource/Batch/RetailCustomer",
                    admin.authorization(),
                    "application/atom+xml",
                    file,
                    false);
        });

        List<Executable> checks = new ArrayList<>();
        for (Api.Reply r : replies) {
            String what = r.status() + " " + r.body();
            checks.add(() -> assertTrue(
                    r.status() / 100 == 2
                            || r.status() == 409 && r.json().getString("error").equals("upload_conflict"),
                    what));
        }
        checks.add(() -> assertTrue(replies.stream().anyMatch(r -> r.status() == 201), "one upload stored them"));
        checks.add(() -> assertEquals(
                300,
                admin().get("admin/customers").array().stream()
                        .filter(c -> c.asJsonObject().getString("username").startsWith(prefix + "-"))
                        .count()));
        assertAll(checks);
    }

    /**
     * Each point's MeterReading holds exactly what the single-point feeds given for it hold: as many blocks and
     * readings, and the same sum of values.
     */
    private void assertStored(String customer, Map<String, List<byte[]>> feedsByPoint) throws Exception {
        Map<String, JsonObject> totals = new HashMap<>();
        for (JsonValue up : admin().inventory(customer)) {
            JsonObject usagePoint = up.asJsonObject();
            assertEquals(1, usagePoint.getJsonArray("meterReadings").size(), usagePoint.toString());
            totals.put(
                    usagePoint.getString("title").replace("Electric meter ", ""),
                    usagePoint.getJsonArray("meterReadings").getJsonObject(0).getJsonObject("totals"));
        }
        assertEquals(feedsByPoint.keySet(), totals.keySet(), "one usage point per meter, no more");
        feedsByPoint.forEach((point, feeds) -> {
            JsonObject stored = totals.get(point);
            String xml = feeds.stream()
                    .map(f -> new String(f, StandardCharsets.UTF_8))
                    .collect(Collectors.joining());
            assertEquals(count(xml, "<IntervalBlock\\b"), stored.getInt("blocks"), point + ": " + stored);
            assertEquals(
                    count(xml, "<IntervalReading\\b"),
                    stored.getJsonNumber("readings").longValue(),
                    point + ": " + stored);
            long valueSum = 0;
            for (Matcher m = VALUE.matcher(xml); m.find(); ) valueSum += Long.parseLong(m.group(1));
            assertEquals(valueSum, stored.getJsonNumber("valueSum").longValue(), point + ": " + stored);
        });
    }

    private static long count(String xml, String regex) {
        return Pattern.compile(regex).matcher(xml).results().count();
    }

    private interface Call {
        Api.Reply send(int i) throws Exception;
    }

    /** Runs n calls on n threads released together; answers their replies in call order. */
    private static List<Api.Reply> atOnce(int n, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(n, 16));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Api.Reply> task = () -> {
                    start.await();
                    return call.send(index);
                };
                replies.add(threads.submit(task));
            }
            start.countDown();
            List<Api.Reply> out = new ArrayList<>();
            for (Future<Api.Reply> r : replies) out.add(r.get());
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * 15-minute readings of {@code days} days from the {@code first}-th after {@link #FIRST_DAY}. The generator names
     * each daily block by its date, so a nightly delivery's new block has an href of its own.
     */
    private static byte[] feed(List<Point> points, int first, int days) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GreenButtonGenerator.write(out, new Plan(points, FIRST_DAY + first * DAY, days, 900));
        return out.toByteArray();
    }

    /** The same seed for the same name, so every file and every customer gets the same readings for a day. */
    private static Point point(String name) {
        return new Point(name, Kind.ELECTRIC, name.hashCode());
    }

    private static String username() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Api admin() throws Exception {
        return new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
    }
}
