package dev.gbconnect.custodian.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A third party's notify endpoint on loopback, as a test scripts it: it records every POST (its Idempotency-Key and
 * BatchList body) and answers with the status it is set to (a 3xx pointing back at itself), or with silence (0)
 * until it is closed.
 */
public final class NotifyReceiver implements AutoCloseable {

    public record Received(String deliveryId, String contentType, String body, Instant at) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Received> received = new ArrayList<>();
    private volatile int answer;
    private volatile int failFirst;
    private volatile long delayMillis;

    /** {@code answer} is the status once the first {@code failFirst} requests got 503; 0 never answers. */
    public NotifyReceiver(int failFirst, int answer) {
        this.failFirst = failFirst;
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/notify", exchange -> {
            int status;
            synchronized (received) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        Instant.now()));
                received.notifyAll();
                status = received.size() <= this.failFirst ? 503 : this.answer;
            }
            if (status == 0) {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                if (delayMillis > 0) pause();
                // a redirect back to this endpoint: followed, it would show as one more request
                if (status / 100 == 3) exchange.getResponseHeaders().set("Location", uri() + "?moved");
                exchange.sendResponseHeaders(status, -1);
            }
            exchange.close();
        });
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** From now on every request gets this status. */
    public void answer(int status) {
        failFirst = 0;
        answer = status;
    }

    /** From now on every answer comes this long after its request (a slow third party; keep it under 2 s). */
    public void answerAfter(Duration delay) {
        delayMillis = delay.toMillis();
    }

    private void pause() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first {@code count} requests, waiting up to {@code wait} for them. */
    public List<Received> await(int count, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = end - System.nanoTime();
                if (left <= 0)
                    throw new AssertionError(
                            "expected " + count + " notification request(s) within " + wait + ", got " + received);
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return List.copyOf(received.subList(0, count));
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
