package dev.gbconnect.custodian.bench;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.CustomerInfoFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamReader;

/**
 * Issue 17's onboarding benchmark: {@code bench.customers} customers' information (default 100,000; a Customer and
 * a CustomerAccount each, {@link CustomerInfoFiles}) in one bulk upload ({@code POST …/Batch/RetailCustomer}) that
 * creates every customer, against the uber-jar with {@code -Xmx512m}, its heap sampled from /metrics. Baseline in the
 * same run: a plain Woodstox parse of the same bytes in this JVM. {@code bench.runs} uploads (default 3) of new
 * customers each, then the last file again (all unchanged). On PostgreSQL the database server's CPU seconds per
 * upload are printed too (its processes' /proc accounting). Target: 5,000 customers/s. Run alone with
 * {@code mvn -B -Pbench verify -DskipTests -DskipITs -Dbench.skipImport=true -Dbench.skipOAuth=true
 * -Dbench.skipFeed=true -Dbench.skipNightly=true}.
 */
public final class BulkCustomerBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    public static void main(String[] args) throws Exception {
        try (BenchSetup setup = BenchSetup.fromProperties("bulk-customers")) {
            BenchSetup.Servers servers = setup.start(BenchSetup.serverJvm("-Xmx512m"));
            try {
                measure(setup, servers);
            } finally {
                servers.stop();
            }
        }
    }

    private static void measure(BenchSetup setup, BenchSetup.Servers servers) throws Exception {
        Api admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
        Api.Reply token = admin.token(
                Api.basic(Api.IT_ADMIN, Api.IT_SECRET), "grant_type=client_credentials&scope=Upload_Admin_Access");
        String bearer = "Bearer " + token.json().getString("access_token");
        Path dir = Files.createDirectories(Path.of("target", "bench").toAbsolutePath());
        HeapSampler heap = new HeapSampler(servers.first().base());
        heap.start();
        Optional<ProcessHandle> postgres = postgres(setup);
        System.out.printf(
                "%s; %,d customers a file, a Customer and a CustomerAccount each%n", setup.describe(), CUSTOMERS);
        System.out.printf(
                "%n| upload | bytes | seconds | customers/s | of baseline | server CPU s | customers per server CPU s |"
                        + " PostgreSQL CPU s |%n|---|---|---|---|---|---|---|---|%n");
        Path file = null;
        double baseline = 0;
        for (int run = 0; run < RUNS; run++) {
            file = dir.resolve("bulk-customers-" + CUSTOMERS + "-" + run + ".xml");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                CustomerInfoFiles.write(out, "bulk-" + System.nanoTime() + "-" + run, CUSTOMERS, false);
            }
            double parse = best(3, file);
            baseline = Math.max(baseline, CUSTOMERS / parse);
            if (run == 0)
                row(
                        "baseline: plain Woodstox parse of the same bytes, this JVM",
                        file,
                        parse,
                        baseline,
                        Double.NaN,
                        Double.NaN);
            measured(
                    "bulk upload " + (run + 1) + " (creates every customer)",
                    admin,
                    bearer,
                    file,
                    201,
                    baseline,
                    heap,
                    postgres);
        }
        measured("the last file again (everything unchanged)", admin, bearer, file, 200, baseline, heap, postgres);
        heap.interrupt();
        heap.join();
        System.out.printf("%nserver heap, max used (-Xmx512m): %,d MB%n", heap.max.get() / (1 << 20));
    }

    /** One upload's row, with the server's and PostgreSQL's CPU seconds meanwhile. */
    private static void measured(
            String name,
            Api admin,
            String bearer,
            Path file,
            int status,
            double baseline,
            HeapSampler heap,
            Optional<ProcessHandle> postgres)
            throws Exception {
        double cpu = heap.cpuSeconds();
        Optional<ThreadCpu> pg = postgres.map(ThreadCpu::of);
        double seconds = upload(admin, bearer, file, status);
        row(
                name,
                file,
                seconds,
                baseline,
                heap.cpuSeconds() - cpu,
                pg.map(before -> ThreadCpu.of(postgres.get()).since(before).seconds())
                        .orElse(Double.NaN));
    }

    /**
     * {@code cpu}: the server's CPU seconds meanwhile, {@code pgCpu} PostgreSQL's (NaN: not measured), which a
     * crowded machine does not inflate.
     */
    private static void row(String name, Path file, double seconds, double baseline, double cpu, double pgCpu)
            throws Exception {
        double rate = CUSTOMERS / seconds;
        System.out.printf(
                "| %s | %,d | %.1f | %,.0f | %.0f%% | %s | %s | %s |%n",
                name,
                Files.size(file),
                seconds,
                rate,
                100 * rate / baseline,
                Double.isNaN(cpu) ? "" : String.format("%.1f", cpu),
                Double.isNaN(cpu) ? "" : String.format("%,.0f", CUSTOMERS / cpu),
                Double.isNaN(pgCpu) ? "" : String.format("%.1f", pgCpu));
    }

    /**
     * The run's PostgreSQL server (its postmaster, whose descendants are the backends serving the pool's connections,
     * which stay open), from the pid file in its data directory; empty on Derby.
     */
    private static Optional<ProcessHandle> postgres(BenchSetup setup) throws Exception {
        try (Stream<Path> clusters = Files.list(setup.dir())) {
            Optional<Path> pidFile = clusters.map(c -> c.resolve("data").resolve("postmaster.pid"))
                    .filter(Files::isRegularFile)
                    .findFirst();
            if (pidFile.isEmpty()) return Optional.empty();
            return ProcessHandle.of(
                    Long.parseLong(Files.readAllLines(pidFile.get()).get(0).strip()));
        }
    }

    /** Seconds to upload the file; the answer must have the status and count every customer. */
    private static double upload(Api admin, String bearer, Path file, int status) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(admin.base().resolve("espi/1_1/resource/Batch/RetailCustomer"))
                                .header("Authorization", bearer)
                                .header("Content-Type", "application/atom+xml")
                                .timeout(Duration.ofHours(1))
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t) / 1e9;
        if (answer.statusCode() != status)
            throw new IllegalStateException("upload answered " + answer.statusCode() + " " + answer.body());
        JsonObject customers = Json.createReader(new StringReader(answer.body()))
                .readObject()
                .getJsonObject("resources")
                .getJsonObject("RetailCustomer");
        if (customers.getInt(status == 201 ? "created" : "unchanged") != CUSTOMERS)
            throw new IllegalStateException("not every customer counted: " + answer.body());
        return seconds;
    }

    /** Seconds of the fastest of n plain Woodstox passes over the file, no validation, no database. */
    private static double best(int n, Path file) throws Exception {
        WstxInputFactory factory = new WstxInputFactory();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime(), entries = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                XMLStreamReader r = factory.createXMLStreamReader(in);
                while (r.hasNext())
                    if (r.next() == XMLStreamReader.START_ELEMENT && "entry".equals(r.getLocalName())) entries++;
            }
            if (entries != 2L * CUSTOMERS) throw new IllegalStateException(entries + " entries parsed");
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }
}
