package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.notification.entity.Notification;
import dev.gbconnect.custodian.platform.ReadReplica;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Delivers the outbox: POSTs each due notice's BatchList to its third party's registered notify URI, with bounded
 * connect and request times and no redirects followed. Sends are asynchronous, so a slow or silent third party
 * holds no thread and delays no other; uploads only write the outbox and never wait for a send. Failures are
 * retried with {@link Backoff} until the notice is dead-lettered. Every instance runs a sender; leases
 * ({@link Deliveries}) keep them from sending the same notice twice at once, and a notice left by a stopped
 * instance is picked up after a restart or by another instance.
 */
@ApplicationScoped
public class NoticeSender {

    private static final Logger LOG = Logger.getLogger(NoticeSender.class.getName());
    private static final int BATCH = 100;

    /** This JVM, as the holder of leases. */
    private final String instance = UUID.randomUUID().toString();

    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

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
        lease = config.getOptionalValue("custodian.notify.lease", Duration.class)
                .orElse(connectTimeout.plus(requestTimeout).plus(requestTimeout));
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        long every = setting("custodian.notify.poll-interval").toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private Duration setting(String name) {
        return config.getValue(name, Duration.class);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) schedule.cancel(false);
    }

    /** A notice was written or put back: look at once instead of at the next tick. */
    void kick(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued written) {
        // A pass under way goes round once more (again first, then polling: see poll); a task per commit would cost
        // every upload the executor's context capture.
        again.set(true);
        if (!polling.get()) executor.execute(this::poll);
    }

    /** One pass at a time per instance; a kick during a pass makes it go round once more. */
    void poll() {
        again.set(true);
        while (again.get() && polling.compareAndSet(false, true)) {
            try {
                again.set(false);
                Instant now = Instant.now();
                Instant leaseEnd = now.plus(lease);
                List<Deliveries.Claim> claims = deliveries.claimDue(instance, now, leaseEnd, BATCH);
                // A notice tells a third party to read: only once feed reads (a replica's) can see what it announces.
                if (claims.isEmpty() || replica.caughtUp(requestTimeout)) {
                    claims.forEach(this::send);
                } else {
                    deliveries.release(claims, instance);
                    LOG.warning("the read replica has not replayed the primary's latest commits within "
                            + requestTimeout + ": " + claims.size() + " notice(s) wait for the next pass");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the notification sender's pass failed; the next one retries", e);
            } finally {
                polling.set(false);
            }
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
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                // GBA's current code labels the BatchList Atom (GREEN-BUTTON-CMD.md NT-09); the body is unchanged
                .header("Content-Type", "application/atom+xml; charset=UTF-8")
                .header("Idempotency-Key", claim.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(BatchListXml.of(claim.resources())))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> answered(claim, response, failure));
    }

    private void answered(Deliveries.Claim claim, HttpResponse<Void> response, Throwable failure) {
        if (failure != null) {
            failed(claim, describe(failure), false);
        } else if (response.statusCode() / 100 == 2) {
            record(claim, Notification.State.DELIVERED, Instant.now(), null);
            poll(); // the third party's next notice, if any, is due now
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
        record(
                claim,
                dead ? Notification.State.DEAD : Notification.State.PENDING,
                dead ? now : now.plus(backoff.after(claim.attempt(), ThreadLocalRandom.current())),
                error);
        if (dead)
            LOG.warning("notification " + claim.sequence() + " to " + claim.clientId() + " is dead after "
                    + claim.attempt() + " attempt(s): " + error);
    }

    private void record(Deliveries.Claim claim, Notification.State state, Instant next, String error) {
        try {
            deliveries.settle(claim, instance, state, next, error, Instant.now());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not record the outcome of notification " + claim.sequence()
                            + "; its lease runs out and it is sent again",
                    e);
        }
    }

    private String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException)
            return "no answer within " + requestTimeout + " (" + cause.getMessage() + ")";
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
