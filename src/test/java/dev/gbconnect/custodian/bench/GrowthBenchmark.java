package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 21's growth benchmark: the one-month IntervalBlock GET under 32 clients and {@code Batch/Subscription} at
 * 10M, 100M and 1B readings stored, on one private PostgreSQL that grows step by step. Importing a billion readings
 * through the API would take over half an hour, so the API makes only the structure (customers with usage points
 * and their MeterReadings, a third party holding one customer's Authorization, that customer's last month and every
 * other meter's last day), and SQL multiplies each meter's last block back in time: new ids, starts and dates a day
 * earlier each, the same packed readings, into monthly partitions made by the product's own
 * {@code INTERVAL_BLOCK_PARTITION} (migration V16). So the database holds what a utility's would after its meters
 * delivered for so many days, and the month measured is the same at every size. Run with {@code mvn -B -Pbench verify
 * -DskipTests -DskipITs -Dbench.skipImport=true -Dbench.skipOAuth=true -Dbench.skipFeed=true ...
 * -Dbench.skipGrowth=false -Dbench.db=postgres} (docs/performance.md); {@code -Dbench.growthSizes=} the readings
 * stored at each measurement, {@code -Dbench.growthCustomers=} and {@code -Dbench.growthPoints=} the meters (customers
 * × usage points each), {@code -Dbench.keep=true} leaves the database on disk (by default it is deleted: a billion
 * readings take about 15 GB).
 */
public final class GrowthBenchmark {

    private static final long DAY = 86_400;
    private static final int CUSTOMERS = Integer.getInteger("bench.growthCustomers", 100),
            POINTS = Integer.getInteger("bench.growthPoints", 100);
    /** Days of history a statement of the seed inserts: about 1.4 GB of rows with the default 10,000 meters. */
    private static final int CHUNK_DAYS = 16;

    private static final List<Long> SIZES = Arrays.stream(
                    System.getProperty("bench.growthSizes", "10000000,100000000,1000000000")
                            .split(","))
            .map(s -> Long.parseLong(s.trim()))
            .toList();

    private GrowthBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchSetup setup = BenchSetup.fromProperties("growth");
        try (setup) {
            new Run(setup).run();
        } finally {
            if (!Boolean.getBoolean("bench.keep")) delete(setup.dir());
        }
    }

    record Row(
            long stored,
            String storage,
            double seedSeconds,
            FeedBenchmark.Latency month,
            long monthBatchReadings,
            double monthBatch,
            long yearBatchReadings,
            double yearBatch,
            String cacheHits,
            int indexLevels,
            String loadBefore,
            String loadAfter) {}

    private static final class Run {
        private final BenchSetup setup;
        private final YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        /** The measured month, and the last day every meter delivered: the template of all earlier days. */
        private final long monthStart = month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                lastDay = monthEnd - DAY;

        private final List<String> reading = List.of("-Xmx256m");
        private ThirdParties.Registered app;
        private String refresh;
        /** Days before the last day already stored for every meter. */
        private int daysBack;

        private long stored;

        Run(BenchSetup setup) {
            this.setup = setup;
        }

        void run() throws Exception {
            structure();
            List<Row> rows = new ArrayList<>();
            try (Connection c = setup.database().getConnection();
                    Statement s = c.createStatement()) {
                prepareSeed(s);
                for (long size : SIZES) {
                    long t = System.nanoTime();
                    seed(c, size);
                    double seconds = (System.nanoTime() - t) / 1e9;
                    rows.add(measure(s, seconds));
                }
                print(rows);
                explainLargest(s);
            }
        }

        /**
         * Through the API: one customer whose usage points the third party reads, with the whole measured month, and
         * the other customers' usage points with their last day only.
         */
        private void structure() throws Exception {
            BenchSetup.Servers servers = setup.start(List.of("-Xmx512m"));
            Api admin = servers.first().api(Api.IT_ADMIN, Api.IT_SECRET);
            app = ThirdParties.register(
                    admin, ThirdParties.registration("bench growth", ThirdParties.NOTIFY, FeedBenchmark.SCOPE));
            String measured = admin.newCustomer("growth-measured");
            FeedBenchmark.upload(
                    admin, measured, FeedBenchmark.plan("growth-0", POINTS, monthStart, month.lengthOfMonth()));
            for (int i = 1; i < CUSTOMERS; i++)
                FeedBenchmark.upload(
                        admin, admin.newCustomer("growth-" + i), FeedBenchmark.plan("growth-" + i, POINTS, lastDay, 1));
            refresh = FeedBenchmark.offline(admin, measured, app);
            servers.stop();
        }

        /**
         * The template (every meter's last block, marked when its meter is the measured one, which has its month
         * already) and settings for bulk loading: checkpoints spaced by size rather than by WAL written, and no wait
         * for each statement's WAL flush (the seed is repeatable; the product's tables and settings stay as they are).
         */
        private void prepareSeed(Statement s) throws SQLException {
            s.execute("ALTER SYSTEM SET max_wal_size = '8GB'");
            s.execute("ALTER SYSTEM SET checkpoint_timeout = '15min'");
            s.execute("SELECT pg_reload_conf()");
            s.execute("SET synchronous_commit = off");
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("CREATE TEMP TABLE growth_template AS SELECT b.*, b.meter_reading_id IN (SELECT meter_reading_id"
                    + " FROM interval_block WHERE interval_start = " + monthStart + ") AS measured"
                    + " FROM interval_block b WHERE interval_start = " + lastDay);
            try (ResultSet r = s.executeQuery("SELECT sum(reading_count) FROM interval_block")) {
                r.next();
                stored = r.getLong(1);
            }
        }

        /** Adds days of history for every meter, {@link #CHUNK_DAYS} at a time, until {@code size} readings are stored. */
        private void seed(Connection c, long size) throws SQLException {
            long perDay = (long) CUSTOMERS * POINTS * 96;
            long t = System.nanoTime(), from = stored;
            try (PreparedStatement partition = c.prepareStatement("SELECT INTERVAL_BLOCK_PARTITION(?)");
                    PreparedStatement insert = c.prepareStatement("""
                            WITH added AS (
                                INSERT INTO interval_block
                                SELECT gen_random_uuid()::text, t.interval_duration, t.interval_start - k * 86400,
                                       t.published - k * 86400000::bigint, t.reading_count, t.readings, t.source_href,
                                       t.source_id, t.title, t.updated - k * 86400000::bigint, t.meter_reading_id
                                FROM generate_series(?, ?) k CROSS JOIN growth_template t
                                WHERE k >= ? OR NOT t.measured
                                RETURNING reading_count)
                            SELECT coalesce(sum(reading_count), 0) FROM added""")) {
                while (stored < size) {
                    int first = daysBack + 1,
                            last =
                                    daysBack
                                            + (int) Math.min(
                                                    CHUNK_DAYS, Math.max(1, (size - stored + perDay - 1) / perDay));
                    // as the product would: a month's partition exists before its rows come (V16); made once
                    for (int k = first; k <= last; k++) partition(partition, lastDay - k * DAY);
                    insert.setInt(1, first);
                    insert.setInt(2, last);
                    insert.setInt(3, month.lengthOfMonth());
                    try (ResultSet r = insert.executeQuery()) {
                        r.next();
                        stored += r.getLong(1);
                    }
                    daysBack = last;
                    double s = (System.nanoTime() - t) / 1e9;
                    System.out.printf(
                            "seeded back to %s: %,d readings stored (%,.0f readings/s since %,d; load %s)%n",
                            day(last), stored, (stored - from) / s, from, load());
                }
            }
        }

        private LocalDate day(int back) {
            return LocalDate.ofEpochDay((lastDay - back * DAY) / DAY);
        }

        private static void partition(PreparedStatement partition, long second) throws SQLException {
            partition.setLong(1, second);
            partition.execute();
        }

        private Row measure(Statement s, double seedSeconds) throws Exception {
            String loadBefore = load();
            String storage = setup.bytesPerReading().orElseThrow();
            int levels = indexLevels(s);
            s.execute("SELECT pg_stat_reset()");
            BenchSetup.Servers servers = setup.start(reading);
            try {
                FeedBenchmark.Subscription sub = FeedBenchmark.subscription(servers.first(), app, refresh);
                refresh = sub.refresh();
                FeedBenchmark.Latency latency =
                        FeedBenchmark.latency(servers, sub, sub.blocks(servers.first(), monthStart, monthEnd));
                long yearStart = monthEnd - 365 * DAY;
                long monthReadings = measuredReadings(s, monthStart), yearReadings = measuredReadings(s, yearStart);
                double monthRate = FeedBenchmark.stream(servers.first(), sub, window(monthStart), monthReadings, 3)
                        .rate();
                double yearRate = FeedBenchmark.stream(servers.first(), sub, window(yearStart), yearReadings, 3)
                        .rate();
                Row row = new Row(
                        stored,
                        storage,
                        seedSeconds,
                        latency,
                        monthReadings,
                        monthRate,
                        yearReadings,
                        yearRate,
                        cacheHits(s),
                        levels,
                        loadBefore,
                        load());
                System.out.println(row);
                return row;
            } finally {
                servers.stop();
            }
        }

        private String window(long from) {
            return "?published-min=" + Instant.ofEpochSecond(from) + "&published-max="
                    + Instant.ofEpochSecond(monthEnd);
        }

        /** Readings of the measured customer's usage points in [from, end of the measured month). */
        private long measuredReadings(Statement s, long from) throws SQLException {
            try (ResultSet r = s.executeQuery("SELECT sum(b.reading_count) FROM interval_block b"
                    + " JOIN growth_template t ON t.meter_reading_id = b.meter_reading_id AND t.measured"
                    + " WHERE b.interval_start >= " + from + " AND b.interval_start < " + monthEnd)) {
                r.next();
                return r.getLong(1);
            }
        }

        /** The deepest B-tree of the partitions' indexes: root to leaf, the pages a probe reads. */
        private static int indexLevels(Statement s) throws SQLException {
            s.execute("CREATE EXTENSION IF NOT EXISTS pageinspect");
            try (ResultSet r = s.executeQuery("SELECT max((bt_metap(x.indexrelid::regclass::text)).level) + 1"
                    + " FROM pg_inherits i JOIN pg_index x ON x.indrelid = i.inhrelid"
                    + " WHERE i.inhparent = 'interval_block'::regclass")) {
                r.next();
                return r.getInt(1);
            }
        }

        /**
         * Share of interval data's pages found in PostgreSQL's shared buffers during the measurement (a miss may
         * still come from the kernel's page cache).
         */
        private static String cacheHits(Statement s) throws SQLException {
            try (ResultSet r = s.executeQuery("SELECT sum(heap_blks_hit), sum(heap_blks_read), sum(idx_blks_hit),"
                    + " sum(idx_blks_read) FROM pg_statio_user_tables WHERE relname LIKE 'interval_block%'")) {
                r.next();
                return "heap %.2f%%, indexes %.2f%%"
                        .formatted(share(r.getDouble(1), r.getDouble(2)), share(r.getDouble(3), r.getDouble(4)));
            }
        }

        private static double share(double hit, double read) {
            return hit + read == 0 ? 100 : 100 * hit / (hit + read);
        }

        /**
         * The plans of the one-month GET's queries at the largest size, as the server runs them (its own statements
         * and parameters), with buffers: auto_explain in the server's sessions for a few requests.
         */
        private void explainLargest(Statement s) throws Exception {
            // loaded here first, so that ALTER SYSTEM knows its settings
            s.execute("LOAD 'auto_explain'");
            s.execute("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'");
            s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
            s.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
            s.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
            s.execute("SELECT pg_reload_conf()");
            BenchSetup.Servers servers = setup.start(reading);
            try (KeepAlive connection = new KeepAlive(servers.first().base())) {
                FeedBenchmark.Subscription sub = FeedBenchmark.subscription(servers.first(), app, refresh);
                String path = "/" + sub.blocks(servers.first(), monthStart, monthEnd);
                for (int i = 0; i < 3; i++) connection.discard(path, "Authorization: " + sub.bearer() + "\r\n");
            } finally {
                servers.stop();
                s.execute("ALTER SYSTEM RESET ALL");
                s.execute("SELECT pg_reload_conf()");
            }
            try (Stream<Path> logs = Files.find(setup.dir(), 2, (p, a) -> p.endsWith("server.log"))) {
                for (Path log : logs.toList()) {
                    // log entries start with the time stamp of the default log_line_prefix
                    String plan = Arrays.stream(Files.readString(log).split("\n(?=\\d{4}-)"))
                            .filter(e -> e.contains("plan:") && e.toLowerCase().contains("interval_block"))
                            .reduce((a, b) -> b)
                            .orElse("(no plan logged)");
                    System.out.printf("%nthe one-month GET's block query at %,d readings stored:%n%s%n", stored, plan);
                }
            }
        }

        private void print(List<Row> rows) {
            System.out.printf(
                    "%n%s; %,d meters (%d customers × %d usage points), the measured customer's %d usage points"
                            + " read by one third party; %d clients%n%n",
                    setup.describe(), CUSTOMERS * POINTS, CUSTOMERS, POINTS, POINTS, FeedBenchmark.CLIENTS);
            System.out.println("| readings stored | seed | one-month GET p50 / p99 (answers/s) | Batch/Subscription, a"
                    + " month | Batch/Subscription, a year | shared buffers hits | index levels | load before / after"
                    + " | storage |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (Row r : rows)
                System.out.printf(
                        "| %,d | %.0f s | %.1f / %.1f ms (%,.0f/s) | %,.0f readings/s (%,d) | %,.0f readings/s (%,d) | %s"
                                + " | %d | %s / %s | %s |%n",
                        r.stored,
                        r.seedSeconds,
                        r.month.p50(),
                        r.month.p99(),
                        r.month.rate(),
                        r.monthBatch,
                        r.monthBatchReadings,
                        r.yearBatch,
                        r.yearBatchReadings,
                        r.cacheHits,
                        r.indexLevels,
                        r.loadBefore,
                        r.loadAfter,
                        r.storage);
            Row first = rows.get(0), last = rows.get(rows.size() - 1);
            System.out.printf(
                    "%none-month GET p99 at %,d readings / at %,d: %.2f × (target ≤ 1.5 ×; p99 < 50 ms)%n",
                    last.stored, first.stored, last.month.p99() / first.month.p99());
        }
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} prints them. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
