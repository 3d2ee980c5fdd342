package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.notification.entity.Notification;
import dev.gbconnect.custodian.platform.ReadReplica;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Delivers the outbox: POSTs each due notice's BatchList to its third party's registered notify URI, with bounded
 * connect and request times and no redirects followed. Each send waits for its answer on a thread of the sender's
 * own, so a slow or silent third party holds one waiting thread and delays no other; uploads only write the outbox
 * and never wait for a send. Failures are retried with {@link Backoff} until the notice is dead-lettered. Every
 * instance runs a sender; leases ({@link Deliveries}) keep them from sending the same notice twice at once, and a
 * notice left by a stopped instance is picked up after a restart or by another instance.
 *
 * <p>The database work is done in passes, one at a time per instance, each a single transaction: it records every
 * answer that came in since the last pass and leases the next notice of each third party that may have one (a new
 * notice was written for it, its last one was settled, or the periodic look found one due). Answers that arrive
 * during a pass wait for the next, so under load one commit serves many notices: with one commit per claim and per
 * answer, a durable database's log flush (a few milliseconds each) set the pace (docs/performance.md, "Notification
 * fan-out").
 */
@ApplicationScoped
public class NoticeSender {

    private static final Logger LOG = Logger.getLogger(NoticeSender.class.getName());
    /** Third parties probed in one pass at most; the rest go round again at once. */
    private static final int BATCH = 100;

    /** This JVM, as the holder of leases. */
    private final String instance = UUID.randomUUID().toString();

    private final AtomicBoolean passing = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Answers not recorded yet: the next pass records them all. */
    private final Queue<Deliveries.Outcome> answered = new ConcurrentLinkedQueue<>();
    /** Third parties whose oldest pending notice the next pass looks at. */
    private final ConcurrentSkipListSet<String> wanted = new ConcurrentSkipListSet<>();
    /**
     * The notice of each third party that this instance is sending, until its outcome is recorded. That third
     * party's notices are not looked at meanwhile: the next one is not due (order), and this one must not be sent
     * again by this instance when its lease runs out before the answer comes (an overloaded machine, a short lease).
     */
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The senders, the HTTP client's own work and the passes. Not the container's ManagedExecutorService: its
     * default pool ran all of the HTTP client's work for every third party, and the passes, on one thread. And not
     * {@code HttpClient.sendAsync}: it hands every answer on to CompletableFuture's default pool, which on fewer than
     * three cores starts a new thread per answer (docs/performance.md, "Notification fan-out"). A send waits here
     * instead; since a third party has at most one notice out at a time (order), the threads are at most one per
     * third party with a notice out, plus the client's, and idle ones are reused.
     */
    private ExecutorService pool;

    @Inject
    Deliveries deliveries;

    @Inject
    ReadReplica replica;

    /** The custodian.notify.* settings, read once at start (docs/configuration.md). */
    @Inject
    Config config;

    private Duration connectTimeout, requestTimeout, lease;
    private Backoff backoff;
    private HttpClient http;
    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        backoff = new Backoff(
                setting("custodian.notify.first-retry"),
                setting("custodian.notify.longest-retry"),
                config.getValue("custodian.notify.max-attempts", Integer.class));
        connectTimeout = setting("custodian.notify.connect-timeout");
        requestTimeout = setting("custodian.notify.request-timeout");
        // Long enough that another instance does not take a notice over while its answer may still come.
        lease = config.getOptionalValue("custodian.notify.lease", Duration.class)
                .orElse(connectTimeout.plus(requestTimeout).plus(requestTimeout));
        pool = Executors.newCachedThreadPool(threads);
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(pool)
                .build();
        long every = setting("custodian.notify.poll-interval").toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
    }

    private Duration setting(String name) {
        return config.getValue(name, Duration.class);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) schedule.cancel(false);
        if (pool != null) pool.shutdownNow();
    }

    /** A notice was written or put back: look at its third party at once instead of at the next tick. */
    void kick(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued written) {
        wanted.add(written.clientId());
        // A pass under way goes round once more (again first, then passing: see pass).
        again.set(true);
        if (!passing.get()) pool.execute(this::pass);
    }

    /**
     * The periodic look for what no event announces: notices due again after a failure, written by another
     * instance, left by a stopped one, or of a third party reactivated.
     */
    void look() {
        try {
            wanted.addAll(deliveries.withDueNotices(Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the notification sender could not look for due notices; it tries again", e);
            return;
        }
        pass();
    }

    /** One pass at a time per instance; anything that wants one during a pass makes it go round once more. */
    void pass() {
        again.set(true);
        while (again.get() && passing.compareAndSet(false, true)) {
            try {
                again.set(false);
                once();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the notification sender's pass failed; the next one retries", e);
            } finally {
                passing.set(false);
            }
        }
    }

    private void once() {
        List<Deliveries.Outcome> outcomes = new ArrayList<>();
        for (Deliveries.Outcome o; (o = answered.poll()) != null; ) outcomes.add(o);
        SortedSet<String> probed = probed(outcomes);
        if (outcomes.isEmpty() && probed.isEmpty()) return;
        List<Deliveries.Claim> claims;
        try {
            claims = deliveries.pass(instance, outcomes, probed, lease);
        } catch (RuntimeException e) {
            // nothing was recorded: the answers and the third parties wait for the next pass
            answered.addAll(outcomes);
            wanted.addAll(probed);
            throw e;
        }
        outcomes.forEach(o -> inFlight.remove(o.claim().clientId(), o.claim().sequence()));
        if (!wanted.isEmpty()) again.set(true);
        if (!claims.isEmpty()) sendAll(claims);
    }

    /** The third parties this pass looks at: those wanted, but none whose notice is still out and unanswered. */
    private SortedSet<String> probed(List<Deliveries.Outcome> outcomes) {
        Set<String> answering = new HashSet<>();
        for (Deliveries.Outcome o : outcomes) {
            answering.add(o.claim().clientId());
            // delivered or dead: the third party's next notice is due now
            if (o.state() != Notification.State.PENDING) wanted.add(o.claim().clientId());
        }
        SortedSet<String> probed = new TreeSet<>();
        for (String c; probed.size() < BATCH && (c = wanted.pollFirst()) != null; ) {
            if (!inFlight.containsKey(c) || answering.contains(c)) probed.add(c);
        }
        return probed;
    }

    private void sendAll(List<Deliveries.Claim> claims) {
        claims.forEach(c -> inFlight.put(c.clientId(), c.sequence()));
        // A notice tells a third party to read: only once feed reads (a replica's) can see what it announces.
        if (replica.caughtUp(requestTimeout)) {
            claims.forEach(this::send);
            return;
        }
        try {
            deliveries.release(claims, instance);
            LOG.warning("the read replica has not replayed the primary's latest commits within " + requestTimeout + ": "
                    + claims.size() + " notice(s) wait for the next look");
        } finally {
            claims.forEach(c -> inFlight.remove(c.clientId(), c.sequence()));
        }
    }

    private void send(Deliveries.Claim claim) {
        URI target = claim.target() == null ? null : URI.create(claim.target());
        if (target == null || !Clients.webAddress(target)) {
            failed(
                    claim,
                    target == null
                            ? "the third party is no longer active"
                            : "the notify URI " + target + " is neither https nor loopback http",
                    true);
            again.set(true);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                // GBA's current code labels the BatchList Atom (GREEN-BUTTON-CMD.md NT-09); the body is unchanged
                .header("Content-Type", "application/atom+xml; charset=UTF-8")
                .header("Idempotency-Key", claim.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(BatchListXml.of(claim.resources())))
                .build();
        pool.execute(() -> deliver(claim, request));
    }

    private void deliver(Deliveries.Claim claim, HttpRequest request) {
        try {
            answered(claim, http.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException | RuntimeException e) {
            failed(claim, describe(e), false);
        } catch (InterruptedException stopping) {
            // the server stops: nothing is recorded, the lease runs out and the notice goes again (at least once)
            Thread.currentThread().interrupt();
            return;
        }
        pass();
    }

    private void answered(Deliveries.Claim claim, HttpResponse<Void> response) {
        if (response.statusCode() / 100 == 2) {
            Instant now = Instant.now();
            answered.add(new Deliveries.Outcome(claim, Notification.State.DELIVERED, now, null, now));
        } else {
            String location = response.headers()
                    .firstValue("Location")
                    .map(l -> " to " + l + ", not followed")
                    .orElse("");
            failed(claim, "HTTP " + response.statusCode() + location, false);
        }
    }

    /** A failed attempt: tried again later, or dead when attempts are used up or trying again cannot help. */
    private void failed(Deliveries.Claim claim, String error, boolean hopeless) {
        Instant now = Instant.now();
        boolean dead = hopeless || backoff.exhausted(claim.attempt());
        answered.add(new Deliveries.Outcome(
                claim,
                dead ? Notification.State.DEAD : Notification.State.PENDING,
                dead ? now : now.plus(backoff.after(claim.attempt(), ThreadLocalRandom.current())),
                error,
                now));
        if (dead)
            LOG.warning("notification " + claim.sequence() + " to " + claim.clientId() + " is dead after "
                    + claim.attempt() + " attempt(s): " + error);
    }

    private String describe(Exception cause) {
        if (cause instanceof HttpTimeoutException)
            return "no answer within " + requestTimeout + " (" + cause.getMessage() + ")";
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
