package dev.gbconnect.custodian.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Polls the server's MicroProfile Metrics for used heap while a benchmark runs. */
final class HeapSampler extends Thread {
    private static final Pattern USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"}\\s+([0-9.E+]+)");
    private static final Pattern CPU = Pattern.compile("(?m)^process_cpu_seconds_total(?:\\{[^}]*})?\\s+([0-9.E+]+)");
    final AtomicLong max = new AtomicLong();
    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();

    HeapSampler(URI base) {
        this.metrics = base.resolve("metrics");
        setDaemon(true);
    }

    /**
     * The server process's CPU seconds so far (every thread: requests, the reader, GC, JIT, embedded Derby), NaN if
     * the metric is missing. On a machine shared with other work, CPU seconds per unit of work say more than wall time.
     */
    double cpuSeconds() {
        try {
            Matcher m =
                    CPU.matcher(http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                            .body());
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    @Override
    public void run() {
        while (!isInterrupted()) {
            try {
                String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher m = USED.matcher(body);
                if (m.find()) max.accumulateAndGet((long) Double.parseDouble(m.group(1)), Math::max);
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample is fine
            }
        }
    }
}
