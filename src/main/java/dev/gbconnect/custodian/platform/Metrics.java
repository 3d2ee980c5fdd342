package dev.gbconnect.custodian.platform;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What {@code /metrics} shows, in Prometheus' text format (one registry for the application, so each series is
 * written once per scrape). Names follow Prometheus' conventions: base units (seconds, bytes), {@code _total} on
 * counters, a {@code custodian_} prefix on everything this application counts; the JVM's series keep the client
 * library's standard {@code jvm_} names. docs/operations.md lists them with alerts.
 *
 * <p>Static rather than a CDI bean: the counts are made deep inside writers and filters that CDI does not build, and
 * one application runs per JVM.
 */
public final class Metrics {

    private static final PrometheusRegistry REGISTRY = new PrometheusRegistry();
    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    static {
        JvmMetrics.builder().register(REGISTRY);
    }

    private static final Histogram REQUESTS = Histogram.builder()
            .name("custodian_http_request_duration_seconds")
            .help("HTTP requests by method, route template and status class, and how long each took to answer")
            .labelNames("method", "route", "status")
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
            .register(REGISTRY);

    private static final Counter GRANTS = Counter.builder()
            .name("custodian_token_grants_total")
            .help("Token requests by grant type and outcome (issued, or the RFC 6749 error code)")
            .labelNames("grant_type", "outcome")
            .register(REGISTRY);

    private static final Counter UPLOAD_READINGS = Counter.builder()
            .name("custodian_upload_readings_total")
            .help("Interval readings in accepted uploads")
            .register(REGISTRY);

    private static final Counter UPLOAD_BYTES = Counter.builder()
            .name("custodian_upload_bytes_total")
            .help("Bytes of accepted uploads (usage data and customer information)")
            .register(REGISTRY);

    private static final Counter FEED_READINGS = Counter.builder()
            .name("custodian_feed_readings_total")
            .help("Interval readings written into ESPI feeds and entries")
            .register(REGISTRY);

    private static final Counter FEED_BYTES = Counter.builder()
            .name("custodian_feed_bytes_total")
            .help("Bytes of ESPI resource answers sent (usage feeds, batches, entries)")
            .register(REGISTRY);

    private static final Counter FEED_REFUSED = Counter.builder()
            .name("custodian_feed_admission_refused_total")
            .help("ESPI reads answered 503 because no turn came free within custodian.feed.queue-timeout")
            .register(REGISTRY);

    private static final Histogram DB_WAIT = Histogram.builder()
            .name("custodian_db_pool_acquire_seconds")
            .help("How long each borrowing of a database connection took, waiting for a free one included")
            .classicOnly()
            .classicUpperBounds(0.001, 0.005, 0.025, 0.1, 0.5, 1, 5, 30, 60)
            .register(REGISTRY);

    private static final Counter DB_TIMEOUTS = Counter.builder()
            .name("custodian_db_pool_timeouts_total")
            .help("Borrowings of a database connection that gave up: every connection stayed in use too long")
            .register(REGISTRY);

    private static volatile IntSupplier feedQueue = () -> 0;
    private static volatile Supplier<Map<String, Long>> notices = Map::of;

    static {
        GaugeWithCallback.builder()
                .name("custodian_feed_admission_queue_length")
                .help("ESPI reads waiting for a turn (custodian.feed.concurrency reads run at once)")
                .callback(cb -> cb.call(feedQueue.getAsInt()))
                .register(REGISTRY);
        GaugeWithCallback.builder()
                .name("custodian_notifications")
                .help("Notification outbox rows by state (pending, delivered, dead)")
                .labelNames("state")
                .callback(cb -> notices.get().forEach((state, n) -> cb.call(n, state)))
                .register(REGISTRY);
        GaugeWithCallback.builder()
                .name("custodian_db_pool_connections")
                .help("Connections of the database pool: in_use (borrowed by a request or job) and idle")
                .labelNames("state")
                .callback(cb -> DatabasePool.figures().ifPresent(f -> {
                    cb.call(f.inUse(), "in_use");
                    cb.call(f.idle(), "idle");
                }))
                .register(REGISTRY);
        GaugeWithCallback.builder()
                .name("custodian_db_pool_max_connections")
                .help("The most connections the database pool opens")
                .callback(cb -> DatabasePool.figures().ifPresent(f -> cb.call(f.max())))
                .register(REGISTRY);
        GaugeWithCallback.builder()
                .name("custodian_db_pool_waiting_threads")
                .help("Requests and jobs waiting for a database connection because every one is in use")
                .callback(cb -> DatabasePool.figures().ifPresent(f -> cb.call(f.waiting())))
                .register(REGISTRY);
    }

    private Metrics() {}

    /** The text exposition format 0.0.4, which every Prometheus version reads. */
    public static String contentType() {
        return TEXT.getContentType();
    }

    public static void write(OutputStream out) throws IOException {
        TEXT.write(out, REGISTRY.scrape());
    }

    /** One answered request; {@code status} is the status class ({@code 2xx}), which keeps the series few. */
    static void request(String method, String route, int status, long nanos) {
        REQUESTS.labelValues(method, route, (status / 100) + "xx").observe(nanos / 1e9);
    }

    static void grant(String grantType, String outcome) {
        GRANTS.labelValues(grantType, outcome).inc();
    }

    public static void uploadedReadings(long readings) {
        UPLOAD_READINGS.inc(readings);
    }

    public static void uploadedBytes(long bytes) {
        UPLOAD_BYTES.inc(bytes);
    }

    public static void feedReadings(long readings) {
        FEED_READINGS.inc(readings);
    }

    static void feedBytes(long bytes) {
        FEED_BYTES.inc(bytes);
    }

    public static void feedRefused() {
        FEED_REFUSED.inc();
    }

    static void databaseWait(long millis) {
        DB_WAIT.observe(millis / 1e3);
    }

    static void databaseTimeout() {
        DB_TIMEOUTS.inc();
    }

    /** Reads waiting for a turn, asked at each scrape. */
    public static void feedQueue(IntSupplier waiting) {
        feedQueue = waiting;
    }

    /** Notices by state, counted in the database at each scrape, so every instance reports the same numbers. */
    public static void notices(Supplier<Map<String, Long>> byState) {
        notices = byState;
    }
}
