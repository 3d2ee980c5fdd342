package dev.gbconnect.custodian.bench;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.ingest.control.AtomEntry;
import dev.gbconnect.custodian.ingest.control.GreenButtonReader;
import dev.gbconnect.custodian.ingest.control.Problems;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Import and scan benchmark: generates a Green Button file of ≥ 10M IntervalReadings, measures plain Woodstox and JDK
 * parses of it in this JVM (issue 21's baseline is the Woodstox one), then uploads it to the real uber-jar (heap
 * capped at 512 MB, heap sampled from /metrics, the server's CPU by thread for the second upload) and scans the
 * stored readings. Prints one table. Run with {@code mvn -B -Pbench verify -DskipTests -DskipITs}, or
 * docs/performance.md's {@code exec:java} form against a built jar ({@code -Dbench.before=JAR} first runs another).
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        int points = Integer.getInteger("bench.usagePoints", 100);
        int days = Integer.getInteger("bench.days", 1096);
        Path dir = Path.of("target", "bench").toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + points + "x" + days + ".xml");

        List<Point> plan = new ArrayList<>();
        for (int i = 0; i < points; i++) plan.add(new Point("meter-" + i, Kind.ELECTRIC, i));
        long t0 = System.nanoTime();
        long readings;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            readings = GreenButtonGenerator.write(
                    out, new Plan(plan, Instant.parse("2022-01-01T00:00:00Z").getEpochSecond(), days, 900));
        }
        double generate = seconds(t0);
        long bytes = Files.size(file);

        // Issue 21 measures the import against a plain Woodstox parse, the parser the importer uses; the JDK's own
        // StAX parser is the earlier baseline, kept for comparison with the older figures.
        double jdk = best(2, () -> plainParse(XMLInputFactory.newDefaultFactory(), file));
        double woodstox = best(2, () -> plainParse(new WstxInputFactory(), file));
        double readerOnly = best(1, () -> readerPass(file));

        System.out.printf("%n| measure | value |%n|---|---|%n");
        row(
                "file",
                "%,d IntervalReadings in %,d IntervalBlocks, %,d usage points, %.0f MB"
                        .formatted(readings, (long) points * days, points, bytes / 1e6));
        row("generate (writer, to disk)", rate(readings, generate));
        row("baseline: plain JDK StAX parse, no validation, no database", rate(readings, jdk));
        row("baseline: plain Woodstox parse, no validation, no database", rate(readings, woodstox));
        row(
                "GreenButtonReader alone: parse + validate + pack",
                rate(readings, readerOnly) + " (%.0f%% of Woodstox)".formatted(100 * woodstox / readerOnly));

        List<String> jvm = BenchSetup.serverJvm("-Xmx512m");
        // the same file imported by each build in turn
        for (String jar : BenchSetup.builds()) {
            System.setProperty("it.uberjar", jar);
            measure(dir, jvm, file, readings, woodstox, jdk);
        }
    }

    /** Starts {@code it.uberjar}, uploads the file twice and scans it; prints the rows of that build. */
    private static void measure(Path dir, List<String> jvm, Path file, long readings, double woodstox, double jdk)
            throws Exception {
        String jar = Path.of(System.getProperty("it.uberjar")).getFileName().toString();
        Path data = Files.createDirectories(dir.resolve("data-" + System.nanoTime()));
        UberJarServer server = UberJarServer.start(
                data,
                jvm,
                Map.of(
                        "CUSTODIAN_DEMO_DATA",
                        "false",
                        "CUSTODIAN_ADMIN_CLIENT_ID",
                        Api.IT_ADMIN,
                        "CUSTODIAN_ADMIN_CLIENT_SECRET",
                        Api.IT_SECRET));
        URI base = server.base();
        Api admin = server.api(Api.IT_ADMIN, Api.IT_SECRET);
        try {
            HeapSampler heap = new HeapSampler(base);
            heap.start();
            // The first upload also pays for the server's JIT warm-up; the second shows the steady state.
            double cold = upload(admin, admin.newCustomer("bench-cold"), file);
            String customer = admin.newCustomer("bench");
            ThreadCpu cpuBefore = ThreadCpu.of(server.process().toHandle());
            double warm = upload(admin, customer, file);
            ThreadCpu cpu = ThreadCpu.of(server.process().toHandle()).since(cpuBefore);
            double scan = best(3, () -> admin.inventory(customer));
            heap.interrupt();
            heap.join();

            row(
                    jar + ": import over HTTP into Derby, first upload after start",
                    rate(readings, cold) + " (%.1f s)".formatted(cold));
            row(
                    jar + ": **import, second upload**",
                    rate(readings, warm)
                            + " (%.1f s; **%.0f%% of the Woodstox parse**, %.0f%% of the JDK parse)"
                                    .formatted(warm, 100 * woodstox / warm, 100 * jdk / warm));
            row(
                    jar + ": server CPU, second upload",
                    "%.1f s (%.2f µs a reading); CPU seconds by kind of thread: %s"
                            .formatted(cpu.seconds(), 1e6 * cpu.seconds() / readings, cpu.busiest(1, 6)));
            row(
                    jar + ": server heap, max used while importing (-Xmx512m)",
                    "%,d MB".formatted(heap.max.get() / (1 << 20)));
            row(jar + ": scan of all stored readings (admin inventory over HTTP)", rate(readings, scan));
        } finally {
            server.stop();
        }
    }

    /** Seconds taken to upload the file to a customer. */
    private static double upload(Api admin, String customer, Path file) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> upload = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(admin.base().resolve(Api.UPLOAD.formatted(customer)))
                                .header("Authorization", admin.authorization())
                                .header("Content-Type", "application/atom+xml")
                                .timeout(Duration.ofHours(1))
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        double seconds = seconds(t);
        if (upload.statusCode() != 201)
            throw new IllegalStateException("upload failed: " + upload.statusCode() + " " + upload.body());
        return seconds;
    }

    /** Counts the IntervalReadings with a bare parser: the ceiling an importer built on it could reach. */
    private static void plainParse(XMLInputFactory parsers, Path file) throws Exception {
        long n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = parsers.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "IntervalReading".equals(r.getLocalName())) n++;
            }
        }
        if (n == 0) throw new IllegalStateException("no readings parsed");
    }

    private static void readerPass(Path file) throws Exception {
        Problems problems = new Problems();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                GreenButtonReader reader = new GreenButtonReader(in, Shared.schema(), problems)) {
            for (AtomEntry e = reader.next(); e != null; e = reader.next()) {
                // packing is the work being measured
            }
        }
        if (problems.any()) throw new IllegalStateException(problems.list().toString());
    }

    interface Timed {
        void run() throws Exception;
    }

    /** Seconds taken by the fastest of n runs. */
    private static double best(int n, Timed timed) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            timed.run();
            best = Math.min(best, seconds(t));
        }
        return best;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String rate(long readings, double seconds) {
        return "%,.0f readings/s".formatted(readings / seconds);
    }

    private static void row(String name, String value) {
        System.out.printf("| %s | %s |%n", name, value);
    }
}
