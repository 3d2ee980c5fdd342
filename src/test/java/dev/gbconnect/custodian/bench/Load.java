package dev.gbconnect.custodian.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Closed-loop load: each worker sends its next request over its own keep-alive connection as soon as the last is answered. */
final class Load {

    record Request(String method, String path, String headers, String body) {}

    interface Answered {
        void accept(int worker, String body);
    }

    private Load() {}

    /**
     * Requests per second over {@code measure}, after {@code warmUp} (the JIT needs it); every answer must be 200.
     * {@code base} names the server the n-th worker talks to.
     */
    static double run(
            String name,
            int threads,
            IntFunction<URI> base,
            Duration warmUp,
            Duration measure,
            IntFunction<Request> request,
            Answered answered)
            throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        long start = System.nanoTime(), measureFrom = start + warmUp.toNanos(), end = measureFrom + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try (KeepAlive connection = new KeepAlive(base.apply(worker))) {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        Request r = request.apply(worker);
                        KeepAlive.Reply reply = connection.send(r.method(), r.path(), r.headers(), r.body());
                        if (reply.status() != 200)
                            throw new IllegalStateException(name + ": " + reply.status() + " " + reply.body());
                        answered.accept(worker, reply.body());
                        if (now >= measureFrom) counted.incrementAndGet();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join();
        if (!failures.isEmpty()) throw new IllegalStateException(failures.get(0));
        return counted.get() / (measure.toNanos() / 1e9);
    }
}
