package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

/**
 * The utility's nightly delivery: every customer's meter data management system sends yesterday's 96 15-minute
 * readings as one small upload per customer, from 8, 16 and 32 concurrent uploaders over keep-alive HTTP. Each round
 * delivers {@code bench.uploads} uploads (default 100,000) to a pool of {@code bench.customers} customers (default
 * 1,000: creating a customer hashes a password with PBKDF2, about 60 ms of CPU), so each customer receives
 * uploads/customers successive days, every one of them new data. A third party holds an offline Authorization for
 * every customer, so every upload writes a notice (delivered to a loopback receiver). Baselines in the same run: a
 * plain StAX parse of the same files in this JVM, and the same bytes POSTed with the same token to a customer that
 * does not exist (token check and HTTP, no import). Run with
 * {@code mvn -B -Pbench verify -DskipTests -DskipITs -Dbench.skipImport=true -Dbench.skipOAuth=true -Dbench.skipFeed=true -Dbench.uploads=3000}.
 */
public final class NightlyBenchmark {

    private static final int UPLOADS = Integer.getInteger("bench.uploads", 100_000);
    private static final int CUSTOMERS = Math.min(UPLOADS, Integer.getInteger("bench.customers", 1_000));
    private static final int[] UPLOADERS = Arrays.stream(
                    System.getProperty("bench.uploaders", "8,16,32").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    private static final long FIRST_DAY = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final Pattern NOTICES =
            Pattern.compile("(?m)^custodian_notifications(?:_total)?\\{[^}]*}\\s+([0-9.E+]+)");

    public static void main(String[] args) throws Exception {
        try (BenchSetup setup = BenchSetup.fromProperties("nightly");
                NotifyReceiver receiver = new NotifyReceiver(0, 204)) {
            BenchSetup.Servers servers = setup.start(BenchSetup.serverJvm("-Xmx512m"));
            try {
                measure(setup, servers, receiver);
            } finally {
                servers.stop();
            }
        }
    }

    private static void measure(BenchSetup setup, BenchSetup.Servers servers, NotifyReceiver receiver)
            throws Exception {
        Api admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
        String bearer = admin.authorization();
        int days = 1 + UPLOADERS.length * ((UPLOADS + CUSTOMERS - 1) / CUSTOMERS);
        byte[][] files = new byte[days][];
        long readings = 0;
        for (int d = 0; d < days; d++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 15);
            long r = GreenButtonGenerator.write(
                    out, new Plan(List.of(new Point("meter", Kind.ELECTRIC, 1)), FIRST_DAY + d * 86_400L, 1, 900));
            if (d == 0) readings = r;
            files[d] = out.toByteArray();
        }
        System.out.printf(
                "%s; %,d customers, %,d uploads per round, %d readings and %,d bytes per upload%n",
                setup.describe(), CUSTOMERS, UPLOADS, readings, files[1].length);

        long t0 = System.nanoTime();
        String[] customers = createCustomers(admin);
        System.out.printf("created %,d customers in %.1f s%n", CUSTOMERS, (System.nanoTime() - t0) / 1e9);
        // Day 0 creates every customer's UsagePoint, MeterReading and ReadingType, and warms the server up.
        Round first = round(servers, 16, bearer, i -> customers[i % CUSTOMERS], i -> files[0], CUSTOMERS);
        ThirdParties.Registered app = ThirdParties.notified(admin, "bench nightly", receiver.uri());
        for (String c : customers) ThirdParties.offline(admin, app, c, ThirdParties.SCOPE, null);

        double parse = plainParse(files[1]);
        Round baseline = round(servers, 16, bearer, i -> "no-such-customer-" + i, i -> files[1], UPLOADS);
        System.out.printf(
                "%n| round | uploaders | customers/s | readings/s | p50 | p99 | server CPU per upload | notices written | of baseline |%n"
                        + "|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf(
                "| plain StAX parse of the same bytes, one thread | 1 | %,.0f | %,.0f | | | | | |%n",
                parse, parse * readings);
        baseline.row("baseline: same bytes POSTed to an unknown customer (404)", 16, readings, 0, baseline);
        first.row("first delivery (creates the usage points)", 16, readings, 0, baseline);
        int day = 1;
        for (int uploaders : UPLOADERS) {
            int from = day;
            long before = notices(servers);
            Round r = round(
                    servers,
                    uploaders,
                    bearer,
                    i -> customers[i % CUSTOMERS],
                    i -> files[from + i / CUSTOMERS],
                    UPLOADS);
            r.row("nightly delivery", uploaders, readings, notices(servers) - before, baseline);
            day += (UPLOADS + CUSTOMERS - 1) / CUSTOMERS;
        }
    }

    private static String[] createCustomers(Api admin) throws InterruptedException {
        String[] ids = new String[CUSTOMERS];
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < CUSTOMERS; i = next.getAndIncrement())
                    ids[i] = admin.newCustomer("night-" + run + "-" + i);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) t.join();
        return ids;
    }

    /**
     * {@code cpu}: the server processes' CPU time over the round (JIT and GC included), the figure that a busy shared
     * machine disturbs least.
     */
    record Round(double seconds, int uploads, long[] micros, Map<Integer, Integer> statuses, Duration cpu) {

        void row(String name, int uploaders, long readings, long notices, Round baseline) {
            double rate = uploads / seconds;
            System.out.printf(
                    "| %s | %d | %,.0f | %,.0f | %.1f ms | %.1f ms | %.2f ms | %,d | %.0f%% |%n",
                    name,
                    uploaders,
                    rate,
                    rate * readings,
                    micros[micros.length / 2] / 1e3,
                    micros[(int) (micros.length * 0.99)] / 1e3,
                    cpu.toNanos() / 1e6 / uploads,
                    notices,
                    100 * rate / (baseline.uploads / baseline.seconds));
        }
    }

    interface Pick<T> {
        T of(int upload);
    }

    /** {@code count} uploads from {@code uploaders} keep-alive connections; each answer's status is counted. */
    private static Round round(
            BenchSetup.Servers servers,
            int uploaders,
            String bearer,
            Pick<String> customer,
            Pick<byte[]> file,
            int count)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long[] micros = new long[count];
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        String headers = "Authorization: " + bearer + "\r\nContent-Type: application/atom+xml\r\n";
        String prefix = servers.first().base().getRawPath() + "espi/1_1/resource/Batch/RetailCustomer/";
        Duration cpuBefore = cpu(servers);
        Instant began = Instant.now();
        long start = System.nanoTime();
        for (int w = 0; w < uploaders; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try (KeepAlive connection = new KeepAlive(servers.base(worker))) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        KeepAlive.Reply reply = connection.send(
                                "POST",
                                prefix + customer.of(i) + "/UsagePoint",
                                headers,
                                new String(file.of(i), StandardCharsets.UTF_8));
                        micros[i] = (System.nanoTime() - s) / 1_000;
                        statuses.merge(reply.status(), 1, Integer::sum);
                        if (reply.status() >= 500) throw new IllegalStateException(reply.status() + " " + reply.body());
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Duration used = cpu(servers).minus(cpuBefore);
        if (!failures.isEmpty()) throw new IllegalStateException(failures.get(0));
        Arrays.sort(micros);
        // The round's wall-clock span, to cut a server profile (JFR) to it.
        System.out.printf(
                "%d uploaders, %,d uploads in %.1f s (%s to %s), answers %s%n",
                uploaders, count, seconds, began, Instant.now(), statuses);
        return new Round(seconds, count, micros, statuses, used);
    }

    private static Duration cpu(BenchSetup.Servers servers) {
        Duration sum = Duration.ZERO;
        for (var s : servers.all())
            sum = sum.plus(s.process().info().totalCpuDuration().orElse(Duration.ZERO));
        return sum;
    }

    /** Files per second through a plain StAX parse (no validation, no database), best of three seconds. */
    private static double plainParse(byte[] file) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime(), n = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(file));
                while (r.hasNext()) r.next();
                r.close();
                n++;
            }
            best = Math.max(best, n / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    /** Notices in the outbox, all states. */
    private static long notices(BenchSetup.Servers servers) throws Exception {
        URI metrics = servers.first().base().resolve("metrics");
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        long sum = 0;
        for (Matcher m = NOTICES.matcher(body); m.find(); ) sum += (long) Double.parseDouble(m.group(1));
        return sum;
    }
}
