package dev.gbconnect.custodian.bench;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.PostgresCluster;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where a benchmark's servers run: by default one uber-jar on embedded Derby; with {@code -Dbench.db=postgres} on a
 * private PostgreSQL started for the run; with {@code -Dbench.instances=N} (PostgreSQL only) N uber-jars on that
 * one database, which the load is spread over. All of it shares the machine's cores with the load generator.
 */
final class BenchSetup implements AutoCloseable {

    private static final Map<String, String> ENV = Map.of(
            "CUSTODIAN_DEMO_DATA",
            "false",
            "CUSTODIAN_ADMIN_CLIENT_ID",
            Api.IT_ADMIN,
            "CUSTODIAN_ADMIN_CLIENT_SECRET",
            Api.IT_SECRET);

    private final Path dir;
    private final PostgresCluster postgres;
    private final int instances;

    private BenchSetup(Path dir, PostgresCluster postgres, int instances) {
        this.dir = dir;
        this.postgres = postgres;
        this.instances = instances;
    }

    /**
     * The server's JVM options: {@code base}, then what {@code -Dbench.serverJvm} adds, split at blanks (a recording
     * for a profile, e.g. {@code -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile}).
     */
    static List<String> serverJvm(String... base) {
        List<String> jvm = new ArrayList<>(List.of(base));
        String extra = System.getProperty("bench.serverJvm", "");
        if (!extra.isBlank()) jvm.addAll(List.of(extra.trim().split("\\s+")));
        return jvm;
    }

    /**
     * The uber-jars to measure in turn, in one run: {@code -Dbench.before=JAR} first when set (the code before a
     * change), then {@code it.uberjar} (this build's by default).
     */
    static List<String> builds() {
        String before = System.getProperty("bench.before", "");
        String current = System.getProperty("it.uberjar", "target/custodian-microbundle.jar");
        return before.isBlank() ? List.of(current) : List.of(before, current);
    }

    static BenchSetup fromProperties(String name) throws Exception {
        Path dir = Files.createDirectories(
                Path.of("target", "bench", name + "-" + System.nanoTime()).toAbsolutePath());
        boolean pg = "postgres".equals(System.getProperty("bench.db", "derby"));
        int instances = Integer.getInteger("bench.instances", 1);
        if (instances > 1 && !pg)
            throw new IllegalArgumentException("several instances need a shared database: add -Dbench.db=postgres");
        return new BenchSetup(dir, pg ? PostgresCluster.start(dir, true) : null, instances);
    }

    /** The servers, started together with these JVM options; the first one is where set-up work goes. */
    Servers start(List<String> jvm) throws Exception {
        Map<String, String> env = new HashMap<>(ENV);
        if (postgres != null) {
            env.putAll(Map.of(
                    "CUSTODIAN_DB_URL",
                    postgres.jdbcUrl(),
                    "CUSTODIAN_DB_USER",
                    PostgresCluster.USER,
                    "CUSTODIAN_DB_PASSWORD",
                    PostgresCluster.PASSWORD));
        }
        List<UberJarServer> started = new ArrayList<>();
        for (int i = 0; i < instances; i++)
            started.add(UberJarServer.start(Files.createDirectories(dir.resolve("instance-" + i)), jvm, env));
        return new Servers(started);
    }

    /** This run's directory, for what else a benchmark starts beside the servers. */
    Path dir() {
        return dir;
    }

    /** The private PostgreSQL's database, for a benchmark that seeds or inspects it in SQL. */
    DataSource database() {
        if (postgres == null)
            throw new IllegalStateException("this benchmark needs PostgreSQL: add -Dbench.db=postgres");
        return PostgresCluster.dataSource(postgres.jdbcUrl());
    }

    String describe() {
        return (postgres == null ? "embedded Derby" : "PostgreSQL (private server on loopback, fsync on)") + ", "
                + instances + " instance(s)";
    }

    /**
     * On PostgreSQL, interval data's bytes on disk (tables, TOAST and indexes of every partition of INTERVAL_BLOCK,
     * {@code pg_total_relation_size}) per reading stored, after a VACUUM ANALYZE brings the visibility map and free
     * space map to their steady size; empty on Derby.
     */
    Optional<String> bytesPerReading() throws Exception {
        if (postgres == null) return Optional.empty();
        try (Connection c = PostgresCluster.dataSource(postgres.jdbcUrl()).getConnection();
                Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE interval_block");
            try (ResultSet r = s.executeQuery(
                    "SELECT (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits"
                            + " WHERE inhparent = 'interval_block'::regclass), (SELECT sum(reading_count) FROM interval_block),"
                            + " (SELECT count(*) FROM pg_inherits WHERE inhparent = 'interval_block'::regclass),"
                            + " (SELECT count(*) FROM interval_block), (SELECT sum(octet_length(readings)) FROM interval_block)")) {
                r.next();
                double bytes = r.getDouble(1), readings = r.getDouble(2), blocks = r.getDouble(4);
                // What a block costs beside its packed readings (row, key and index entries): the figure that
                // decides the cost per reading of blocks with fewer readings (hourly: 24 a day).
                double packed = r.getDouble(5) / readings, perBlock = bytes / blocks - r.getDouble(5) / blocks;
                return Optional.of(("%.2f bytes (%,d MB for %,d readings in %,d blocks, %d partitions; packed"
                                + " readings %.2f bytes each, %.0f bytes a block beside them)")
                        .formatted(
                                bytes / readings,
                                r.getLong(1) >> 20,
                                r.getLong(2),
                                r.getLong(4),
                                r.getInt(3),
                                packed,
                                perBlock));
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) postgres.close();
    }

    record Servers(List<UberJarServer> all) {

        UberJarServer first() {
            return all.get(0);
        }

        /** The instance the n-th worker talks to: workers are spread evenly. */
        URI base(int worker) {
            return all.get(worker % all.size()).base();
        }

        void stop() throws InterruptedException {
            for (UberJarServer s : all) s.stop();
        }
    }
}
