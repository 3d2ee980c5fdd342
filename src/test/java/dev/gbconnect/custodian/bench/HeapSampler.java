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
    final AtomicLong max = new AtomicLong();
    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();

    HeapSampler(URI base) {
        this.metrics = base.resolve("metrics");
        setDaemon(true);
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
