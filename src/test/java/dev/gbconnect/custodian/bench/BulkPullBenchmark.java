package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.CustomerInfoFiles;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 21's bulk pull: a third party holding {@code bench.subscriptions} offline Authorizations (default 10,000)
 * with {@code BR=bench} reads {@code Batch/Bulk/bench} for yesterday ({@code published-min}/{@code published-max})
 * with its client_credentials token, every byte read and dropped, three times. Each customer (created without a
 * password by one bulk customer upload) has one usage point with {@code bench.days} days of 15-minute readings
 * (default 3) up to the end of yesterday, so the time bounds select one day of them. The reading server runs with
 * {@code -Xmx256m}, its used heap sampled from /metrics. Baseline in the same run: the demo generator writing the same
 * readings as Green Button XML to nowhere (the raw writer of {@link FeedBenchmark}); with {@code -Dbench.before=JAR}
 * another build (the code before a change) reads the same database first. Run alone with {@code mvn -B
 * -Pbench verify -DskipTests -DskipITs -Dbench.skipImport=true -Dbench.skipOAuth=true -Dbench.skipFeed=true
 * -Dbench.skipNightly=true -Dbench.skipBulkCustomers=true}.
 */
public final class BulkPullBenchmark {

    private static final int SUBSCRIPTIONS = Integer.getInteger("bench.subscriptions", 10_000);
    private static final int DAYS = Integer.getInteger("bench.days", 3);
    private static final String SCOPE = "FB=1_3_4_5_13_14_39;IntervalDuration=900;BlockDuration=daily;BR=4242";
    private static final int READINGS_A_DAY = 96;

    public static void main(String[] args) throws Exception {
        try (BenchSetup setup = BenchSetup.fromProperties("bulk-pull");
                NotifyReceiver receiver = new NotifyReceiver(0, 204)) {
            BenchSetup.Servers servers = setup.start(List.of("-Xmx512m"));
            ThirdParties.Registered app;
            try {
                app = fill(setup, servers, receiver);
            } finally {
                servers.stop();
            }
            List<String> reading = BenchSetup.serverJvm("-Xmx256m");
            // the same database read by each build in turn
            for (String jar : BenchSetup.builds()) {
                System.setProperty("it.uberjar", jar);
                servers = setup.start(reading);
                try {
                    measure(setup, servers, app, jar);
                } finally {
                    servers.stop();
                }
            }
        }
    }

    private static Instant today() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }

    /** The customers, their data and their Authorizations; answers the bulk third party. */
    private static ThirdParties.Registered fill(BenchSetup setup, BenchSetup.Servers servers, NotifyReceiver receiver)
            throws Exception {
        Api admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
        String prefix = "pull-" + Long.toString(System.nanoTime(), 36);
        long t = System.nanoTime();
        String upload = "Bearer "
                + admin.token(
                                Api.basic(Api.IT_ADMIN, Api.IT_SECRET),
                                "grant_type=client_credentials&scope=Upload_Admin_Access")
                        .json()
                        .getString("access_token");
        Api.Reply created = Api.withAuthorization(admin.base(), upload)
                .post(
                        "espi/1_1/resource/Batch/RetailCustomer",
                        "application/atom+xml",
                        CustomerInfoFiles.bulk(prefix, SUBSCRIPTIONS, false));
        if (created.status() != 201) throw new IllegalStateException(created.status() + " " + created.body());
        String[] customers = new String[SUBSCRIPTIONS];
        for (int i = 0; i < SUBSCRIPTIONS; i++) customers[i] = Customers.idOf(CustomerInfoFiles.username(prefix, i));
        System.out.printf(
                "%s; created %,d customers in %.1f s%n",
                setup.describe(), SUBSCRIPTIONS, (System.nanoTime() - t) / 1e9);

        ByteArrayOutputStream file = new ByteArrayOutputStream(1 << 16);
        GreenButtonGenerator.write(
                file,
                new Plan(
                        List.of(new Point("meter", Kind.ELECTRIC, 1)),
                        today().getEpochSecond() - DAYS * 86_400L,
                        DAYS,
                        900));
        String body = file.toString(StandardCharsets.UTF_8);
        String headers = "Authorization: " + admin.authorization() + "\r\nContent-Type: application/atom+xml\r\n";
        String path = servers.first().base().getRawPath() + "espi/1_1/resource/Batch/RetailCustomer/%s/UsagePoint";
        t = System.nanoTime();
        parallel(servers, i -> {
            try (KeepAlive c = new KeepAlive(servers.first().base())) {
                for (int n = i.getAndIncrement(); n < SUBSCRIPTIONS; n = i.getAndIncrement()) {
                    KeepAlive.Reply r = c.send("POST", path.formatted(customers[n]), headers, body);
                    if (r.status() != 201) throw new IllegalStateException(r.status() + " " + r.body());
                }
            }
        });
        System.out.printf("uploaded %d days of readings for each in %.1f s%n", DAYS, (System.nanoTime() - t) / 1e9);

        ThirdParties.Registered app =
                ThirdParties.register(admin, ThirdParties.registration("bench bulk pull", receiver.uri(), SCOPE));
        t = System.nanoTime();
        parallel(servers, i -> {
            for (int n = i.getAndIncrement(); n < SUBSCRIPTIONS; n = i.getAndIncrement())
                ThirdParties.offline(admin, app, customers[n], SCOPE, null);
        });
        System.out.printf(
                "%,d offline Authorizations with BR=4242 in %.1f s%n", SUBSCRIPTIONS, (System.nanoTime() - t) / 1e9);
        return app;
    }

    interface Work {
        void run(AtomicInteger next) throws Exception;
    }

    /** Eight threads taking work from one counter. */
    private static void parallel(BenchSetup.Servers servers, Work work) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Thread thread = new Thread(() -> {
                try {
                    work.run(next);
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        if (!failures.isEmpty()) throw new IllegalStateException(failures.get(0));
    }

    private static void measure(BenchSetup setup, BenchSetup.Servers servers, ThirdParties.Registered app, String jar)
            throws Exception {
        String token = Api.withAuthorization(servers.first().base(), null)
                .token(app.basic(), "grant_type=client_credentials&scope=ThirdParty_Admin_Access")
                .json()
                .getString("access_token");
        Instant yesterday = today().minus(1, ChronoUnit.DAYS);
        String path = "/espi/1_1/resource/Batch/Bulk/4242?published-min=" + yesterday + "&published-max=" + today();
        long readings = (long) SUBSCRIPTIONS * READINGS_A_DAY;
        HeapSampler heap = new HeapSampler(servers.first().base());
        heap.start();
        System.out.printf(
                "%n%s; %,d subscriptions, %,d readings a pull%n%n| pull | seconds | first byte | MB | readings/s | of baseline |%n|---|---|---|---|---|---|%n",
                setup.describe(), SUBSCRIPTIONS, readings);
        double baseline = rawWriter();
        System.out.printf(
                "| baseline: the generator writing the same readings to nowhere | %.2f | | | %,.0f | 100%% |%n",
                readings / baseline, baseline);
        try (KeepAlive connection = new KeepAlive(servers.first().base())) {
            for (int run = 1; run <= 3; run++) {
                long t = System.nanoTime();
                KeepAlive.Reply r = connection.discard(path, "Authorization: Bearer " + token + "\r\n");
                double seconds = (System.nanoTime() - t) / 1e9;
                if (r.status() != 200) throw new IllegalStateException("the bulk answered " + r.status());
                // about 100 bytes of XML per reading: a document without yesterday's readings is far smaller
                if (r.bytes() < readings * 80) throw new IllegalStateException("only " + r.bytes() + " bytes");
                System.out.printf(
                        "| Batch/Bulk, yesterday, run %d | %.2f | %.0f ms | %.0f | %,.0f | %.0f%% |%n",
                        run,
                        seconds,
                        r.firstByte() / 1e6,
                        r.bytes() / 1e6,
                        readings / seconds,
                        100 * readings / seconds / baseline);
            }
        }
        heap.interrupt();
        heap.join();
        System.out.printf("%nserver heap, max used while pulling (-Xmx256m): %,d MB%n", heap.max.get() >> 20);
    }

    /** Readings per second of the demo generator writing one day of every subscription's readings, best of three. */
    private static double rawWriter() throws Exception {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) points.add(new Point("meter-" + i, Kind.ELECTRIC, i));
        Plan plan = new Plan(points, today().getEpochSecond() - 86_400L, 1, 900);
        double best = 0;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            GreenButtonGenerator.write(OutputStream.nullOutputStream(), plan);
            best = Math.max(best, (double) SUBSCRIPTIONS * READINGS_A_DAY / ((System.nanoTime() - t) / 1e9));
        }
        return best;
    }
}
