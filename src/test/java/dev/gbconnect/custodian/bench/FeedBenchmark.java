package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feed benchmark on the real uber-jar: a Batch/Subscription feed of years of 15-minute data read over HTTP by a
 * client that discards the bytes, beside the demo generator writing the same amount of Green Button XML to nowhere
 * (the ceiling); server heap while streaming (the server restarted with {@code -Xmx256m} for reading); and the p99
 * latency of a one-month IntervalBlock GET under 32 concurrent keep-alive clients, with about 1M and then about
 * 100M readings stored (fewer with {@code -Dbench.fillers}). Run with {@code mvn -B -Pbench verify -DskipTests
 * -DskipITs -Dbench.skipImport=true -Dbench.skipOAuth=true}; on PostgreSQL or several instances, see {@link BenchSetup}.
 * {@code -Dbench.latencyOnly=true} stops after the first latency measurement, {@code -Dbench.warmUp=S} sets the
 * seconds of load before latencies count, {@code -Dbench.readingJvm="…"} adds JVM options (a profiler agent) to
 * the reading server.
 */
public final class FeedBenchmark {

    static final String SCOPE = "FB=1_3_4_5_13_14;IntervalDuration=900";
    private static final long START = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond();
    static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int FILLERS = Integer.getInteger("bench.fillers", 8);
    /** Only the first latency measurement and the small feed: a quick run while working on request costs. */
    private static final boolean LATENCY_ONLY = Boolean.getBoolean("bench.latencyOnly");
    /**
     * The server has just started: its JIT compiled about 17,000 methods in its second ten seconds and still 2,400 in
     * its fourth (-Xlog:jit+compilation), on the cores the measurement needs, so a short warm-up measures the compiler.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmUp", 60)),
            MEASURE = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        try (BenchSetup setup = BenchSetup.fromProperties("feed")) {
            measure(setup);
        }
    }

    private static void measure(BenchSetup setup) throws Exception {
        List<String> importing = List.of("-Xmx512m"), reading = new ArrayList<>(List.of("-Xmx256m"));
        // e.g. a profiler agent for the reading server
        String extra = System.getProperty("bench.readingJvm", "");
        if (!extra.isBlank()) reading.addAll(List.of(extra.trim().split("\\s+")));

        Plan small = plan("small", 30, 365), big = plan("big", 100, 1096);
        BenchSetup.Servers servers = setup.start(importing);
        Api admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
        ThirdParties.Registered app = ThirdParties.register(
                admin,
                "{\"client_name\":\"bench reader\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                        + "\"third_party_notify_uri\":\"" + ThirdParties.NOTIFY + "\",\"scopes\":[\"" + SCOPE + "\"]}");
        String smallCustomer = admin.newCustomer("bench-small");
        long stored = upload(admin, smallCustomer, small);
        String smallRefresh = offline(admin, smallCustomer, app);
        servers.stop();

        servers = setup.start(reading);
        Subscription smallSub = subscription(servers.first(), app, smallRefresh);
        String month = smallSub.monthOfBlocks(servers.first());
        Latency p1 = latency(servers, smallSub, month);
        double smallRate = stream(servers.first(), smallSub, readings(small), 3).rate;
        System.out.printf(
                "%,d readings stored: one-month IntervalBlock GET p50 %.1f ms, p99 %.1f ms (%,.0f requests/s); small feed %,.0f readings/s%n",
                stored, p1.p50, p1.p99, p1.rate, smallRate);
        servers.stop();
        if (LATENCY_ONLY) return;

        servers = setup.start(importing);
        admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
        String bigCustomer = admin.newCustomer("bench-big");
        stored += upload(admin, bigCustomer, big);
        String bigRefresh = offline(admin, bigCustomer, app);
        for (int i = 0; i < FILLERS; i++)
            stored += upload(admin, admin.newCustomer("bench-filler-" + i), plan("filler-" + i, 100, 1096));
        servers.stop();

        servers = setup.start(reading);
        smallSub = subscription(servers.first(), app, smallSub.refresh);
        Latency p100 = latency(servers, smallSub, month);
        Subscription bigSub = subscription(servers.first(), app, bigRefresh);
        HeapSampler heap = new HeapSampler(servers.first().base());
        heap.start();
        Streamed bigFeed = stream(servers.first(), bigSub, readings(big), 3);
        heap.interrupt();
        heap.join();
        servers.stop();
        double ceiling = ceiling(big);

        System.out.printf("%n%s%n%n| measure | value | target |%n|---|---|---|%n", setup.describe());
        row(
                "Batch/Subscription feed, %,d readings (%,.0f MB), read and discarded over HTTP"
                        .formatted(readings(big), bigFeed.bytes / 1e6),
                "%,.0f readings/s (%.0f MB/s)"
                        .formatted(bigFeed.rate, bigFeed.rate * bigFeed.bytes / readings(big) / 1e6),
                "≥ 1,000,000 readings/s");
        row(
                "ceiling: the generator writing the same readings as Green Button XML to nowhere",
                "%,.0f readings/s".formatted(ceiling),
                "");
        row("feed / ceiling", "%.0f%%".formatted(100 * bigFeed.rate / ceiling), "");
        row("server heap, max used while streaming (-Xmx256m)", "%,d MB".formatted(heap.max.get() >> 20), "< 256 MB");
        row(
                "one-month IntervalBlock GET, %d clients, %,d readings stored: p50 / p99"
                        .formatted(CLIENTS, readings(small)),
                "%.1f / %.1f ms (%,.0f requests/s)".formatted(p1.p50, p1.p99, p1.rate),
                "p99 < 50 ms");
        row(
                "the same, %,d readings stored".formatted(stored),
                "%.1f / %.1f ms (%,.0f requests/s)".formatted(p100.p50, p100.p99, p100.rate),
                "p99 ≤ 1.5 × the first: %.2f ×".formatted(p100.p99 / p1.p99));
        setup.bytesPerReading()
                .ifPresent(bytes ->
                        row("interval data on PostgreSQL per 15-minute reading, indexes included", bytes, "≤ 6 bytes"));
    }

    private static Plan plan(String name, int points, int days) {
        return plan(name, points, START, days);
    }

    /** Electric usage points of 15-minute readings from the UTC midnight {@code start}. */
    static Plan plan(String name, int points, long start, int days) {
        List<Point> list = new ArrayList<>();
        for (int i = 0; i < points; i++) list.add(new Point(name + "-" + i, Kind.ELECTRIC, name.hashCode() * 31L + i));
        return new Plan(list, start, days, 900);
    }

    private static long readings(Plan p) {
        return (long) p.points().size() * p.days() * (86_400 / p.intervalSeconds());
    }

    /** Streams a generated file into the upload, so no file of gigabytes is written first. */
    static long upload(Api admin, String customer, Plan plan) throws Exception {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = new Thread(() -> {
            try (out) {
                GreenButtonGenerator.write(out, plan);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        long t = System.nanoTime();
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(admin.base().resolve(Api.UPLOAD.formatted(customer)))
                                .header("Authorization", admin.authorization())
                                .header("Content-Type", "application/atom+xml")
                                .timeout(Duration.ofHours(1))
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> in))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        writer.join();
        if (r.statusCode() != 201) throw new IllegalStateException("upload failed: " + r.statusCode() + " " + r.body());
        System.out.printf("imported %,d readings in %.0f s%n", readings(plan), (System.nanoTime() - t) / 1e9);
        return readings(plan);
    }

    static String offline(Api admin, String customer, ThirdParties.Registered app) {
        return ThirdParties.offline(admin, app, customer, SCOPE, null).getString("refresh_token");
    }

    /** A Subscription's access token and id (the refresh token rotates, so the next one is kept). */
    record Subscription(String id, String bearer, String refresh) {
        String monthOfBlocks(UberJarServer server) {
            return blocks(server, START + 150 * 86_400L, START + 180 * 86_400L);
        }

        /** The IntervalBlock GET of the Subscription's first usage point for the epoch seconds [from, to). */
        String blocks(UberJarServer server, long from, long to) {
            Api api = Api.withAuthorization(server.base(), bearer);
            String points = api.get("espi/1_1/resource/Subscription/" + id + "/UsagePoint?max-results=1")
                    .body();
            String up = between(points, "<id>urn:uuid:", "</id>", points.indexOf("<entry>"));
            String readings = api.get("espi/1_1/resource/Subscription/" + id + "/UsagePoint/" + up + "/MeterReading")
                    .body();
            String mr = between(readings, "<id>urn:uuid:", "</id>", readings.indexOf("<entry>"));
            return "espi/1_1/resource/Subscription/" + id + "/UsagePoint/" + up + "/MeterReading/" + mr
                    + "/IntervalBlock?published-min=" + Instant.ofEpochSecond(from) + "&published-max="
                    + Instant.ofEpochSecond(to);
        }
    }

    private static String between(String s, String from, String to, int after) {
        int i = s.indexOf(from, after) + from.length();
        return s.substring(i, s.indexOf(to, i));
    }

    static Subscription subscription(UberJarServer server, ThirdParties.Registered app, String refresh) {
        var token = ThirdParties.refresh(server.base(), app, refresh).json();
        String resource = token.getString("resourceURI");
        return new Subscription(
                resource.substring(resource.lastIndexOf('/') + 1),
                "Bearer " + token.getString("access_token"),
                token.getString("refresh_token"));
    }

    record Streamed(double rate, long bytes) {}

    /**
     * The best of n full reads of the Subscription's batch, every byte read and dropped. The chunked answer is read
     * to its final chunk, so a document cut short fails the run.
     */
    private static Streamed stream(UberJarServer server, Subscription sub, long readings, int n) throws IOException {
        return stream(server, sub, "", readings, n);
    }

    /** The same for the batch with a query ({@code ?published-min=…}), or none if empty. */
    static Streamed stream(UberJarServer server, Subscription sub, String query, long readings, int n)
            throws IOException {
        double best = 0;
        long bytes = 0;
        try (KeepAlive connection = new KeepAlive(server.base())) {
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                KeepAlive.Reply r = connection.discard(
                        "/espi/1_1/resource/Batch/Subscription/" + sub.id + query,
                        "Authorization: " + sub.bearer + "\r\n");
                if (r.status() != 200) throw new IllegalStateException("the batch answered " + r.status());
                best = Math.max(best, readings / ((System.nanoTime() - t) / 1e9));
                bytes = r.bytes();
            }
        }
        return new Streamed(best, bytes);
    }

    record Latency(double p50, double p99, double rate) {}

    /** Closed loop: each client sends its next request as soon as the last is answered. */
    static Latency latency(BenchSetup.Servers servers, Subscription sub, String path) throws InterruptedException {
        List<long[]> samples = new ArrayList<>();
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime(), measureFrom = start + WARM_UP.toNanos(), end = measureFrom + MEASURE.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            URI base = servers.base(c);
            long[] mine = new long[1 << 16];
            samples.add(mine);
            Thread t = new Thread(() -> {
                int k = 0;
                try (KeepAlive connection = new KeepAlive(base)) {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        KeepAlive.Reply r = connection.discard("/" + path, "Authorization: " + sub.bearer + "\r\n");
                        if (r.status() != 200 || r.bytes() < 100_000)
                            throw new IllegalStateException(r.status() + ", " + r.bytes() + " bytes");
                        if (now >= measureFrom && k < mine.length) {
                            mine[k++] = System.nanoTime() - now;
                            count.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) t.join();
        long[] all = samples.stream()
                .flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0))
                .sorted()
                .toArray();
        System.out.printf(
                "latency percentiles (ms): p10 %.1f, p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
                ms(all, 0.1), ms(all, 0.5), ms(all, 0.9), ms(all, 0.99), ms(all, 0.999), all[all.length - 1] / 1e6);
        return new Latency(ms(all, 0.5), ms(all, 0.99), count.get() / (MEASURE.toNanos() / 1e9));
    }

    /** The q-quantile of sorted nanosecond samples, in milliseconds. */
    private static double ms(long[] sorted, double q) {
        return sorted[(int) (sorted.length * q)] / 1e6;
    }

    /** Readings per second of the demo generator writing the plan's Green Button XML to a stream that drops it. */
    private static double ceiling(Plan plan) throws Exception {
        double best = 0;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            GreenButtonGenerator.write(OutputStream.nullOutputStream(), plan);
            best = Math.max(best, readings(plan) / ((System.nanoTime() - t) / 1e9));
        }
        return best;
    }

    private static void row(String name, String value, String target) {
        System.out.printf("| %s | %s | %s |%n", name, value, target);
    }
}
