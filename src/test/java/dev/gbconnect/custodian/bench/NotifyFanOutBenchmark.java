package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 21's notification fan-out: {@code bench.receivers} third parties (default 20) on loopback receivers, one of
 * which never answers (each attempt times out after the server's {@code custodian.notify.request-timeout}, here 2 s,
 * and is retried). The admin asks {@code bench.rounds} times (default 500) for a notice to every third party, from
 * four threads; the figure is notices delivered per second to the answering receivers, from the first request to the
 * last delivery, the silent receiver's attempts meanwhile, and the server's CPU per notice (its whole process, threads
 * that ended included, the JIT compilers left out). Baseline in the same run: the same BatchList POSTed by
 * this JVM straight to the answering receivers, one at a time per receiver as the server sends them. Run alone with
 * {@code mvn -B -Pbench verify -DskipTests -DskipITs -Dbench.skipImport=true -Dbench.skipOAuth=true
 * -Dbench.skipFeed=true -Dbench.skipNightly=true -Dbench.skipBulkCustomers=true -Dbench.skipBulkPull=true}.
 */
public final class NotifyFanOutBenchmark {

    private static final int RECEIVERS = Integer.getInteger("bench.receivers", 20);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 500);

    public static void main(String[] args) throws Exception {
        List<NotifyReceiver> receivers = new ArrayList<>();
        receivers.add(new NotifyReceiver(0, 0));
        for (int i = 1; i < RECEIVERS; i++) receivers.add(new NotifyReceiver(0, 204));
        try (BenchSetup setup = BenchSetup.fromProperties("fan-out")) {
            BenchSetup.Servers servers =
                    setup.start(BenchSetup.serverJvm("-Xmx512m", "-Dcustodian.notify.request-timeout=PT2S"));
            try {
                measure(setup, servers, receivers);
            } finally {
                servers.stop();
            }
        } finally {
            receivers.forEach(NotifyReceiver::close);
        }
    }

    private static void measure(BenchSetup setup, BenchSetup.Servers servers, List<NotifyReceiver> receivers)
            throws Exception {
        Api admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
        for (int i = 0; i < receivers.size(); i++)
            ThirdParties.notified(admin, "bench fan-out " + i, receivers.get(i).uri());
        double baseline = baseline(receivers.subList(1, receivers.size()));
        // what the receivers got so far (the baseline's requests) does not count
        int[] before = receivers.stream().mapToInt(r -> r.received().size()).toArray();
        int answering = receivers.size() - 1, expected = answering * ROUNDS;

        ProcessHandle server = servers.first().process().toHandle();
        double cpuBefore = ThreadCpu.processSeconds(server);
        ThreadCpu threadsBefore = ThreadCpu.of(server);
        long start = System.nanoTime();
        List<Thread> askers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            Thread asker = new Thread(() -> {
                for (int round = first; round < ROUNDS; round += 4) {
                    Api.Reply r = admin.postJson("admin/notifications", "{\"kind\":\"application\"}");
                    if (r.status() / 100 != 2) throw new IllegalStateException(r.status() + " " + r.body());
                }
            });
            askers.add(asker);
            asker.start();
        }
        for (Thread asker : askers) asker.join();
        double asked = (System.nanoTime() - start) / 1e9;
        for (int i = 1; i < receivers.size(); i++) receivers.get(i).await(before[i] + ROUNDS, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        int silentAttempts = receivers.get(0).received().size() - before[0];
        ThreadCpu threads = ThreadCpu.of(server).since(threadsBefore);
        // the JIT compilers' threads live throughout, so their share can be taken out of the process's
        double cpu = ThreadCpu.processSeconds(server) - cpuBefore - (threads.seconds() - threads.servingSeconds());

        System.out.printf(
                "%n%s; %d receivers (one silent), %,d rounds of one notice to each%n%n"
                        + "| measure | seconds | notices/s | of baseline |%n|---|---|---|---|%n",
                setup.describe(), receivers.size(), ROUNDS);
        System.out.printf(
                "| baseline: the same BatchList POSTed by the benchmark to the %d answering receivers | | %,.0f | 100%% |%n",
                answering, baseline);
        System.out.printf(
                "| the admin's requests (writing %,d notices) | %.1f | %,.0f | |%n",
                ROUNDS * receivers.size(), asked, ROUNDS * receivers.size() / asked);
        System.out.printf(
                "| delivered to the %d answering receivers, first request to last delivery | %.1f | %,.0f | %.0f%% |%n",
                answering, seconds, expected / seconds, 100 * expected / seconds / baseline);
        System.out.printf("| attempts at the silent receiver meanwhile | | %d | |%n", silentAttempts);
        System.out.printf(
                "| server CPU, JIT compilers left out: writing and delivering (ms per notice delivered) | %.1f | %.2f | |%n",
                cpu, 1000 * cpu / expected);
    }

    /** Notices per second POSTed straight to the receivers, one in flight per receiver, for about three seconds. */
    private static double baseline(List<NotifyReceiver> receivers) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        byte[] body =
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><BatchList xmlns=\"http://naesb.org/espi\"><resources>"
                                + "http://127.0.0.1/espi/1_1/resource/ApplicationInformation/x</resources></BatchList>")
                        .getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime(), end = start + 3_000_000_000L;
        AtomicInteger sent = new AtomicInteger();
        List<Thread> loops = new ArrayList<>();
        for (NotifyReceiver r : receivers) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(r.uri()))
                    .header("Content-Type", "application/atom+xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            Thread loop = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            loops.add(loop);
            loop.start();
        }
        for (Thread loop : loops) loop.join();
        return sent.get() / ((System.nanoTime() - start) / 1e9);
    }
}
