package dev.gbconnect.custodian.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private PostgreSQL server for one test: its own cluster in a fresh directory, on a free loopback port, with
 * password authentication, stopped and left on disk (for inspection) by {@link #close()}. PostgreSQL refuses to
 * run as root, so under root the server runs as the {@code postgres} account that Debian's package creates.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String USER = "custodian";
    public static final String PASSWORD = "pg-" + UUID.randomUUID();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;
    private boolean stopped;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** For tests: fsync off, since a test's data need not survive a crash of the machine. */
    public static PostgresCluster start(Path parent) throws Exception {
        return start(parent, false);
    }

    /** {@code durable}: PostgreSQL's own defaults (fsync on), as a benchmark compared with durable Derby commits needs. */
    public static PostgresCluster start(Path parent, boolean durable) throws Exception {
        PostgresCluster cluster = create(parent);
        Path dir = cluster.dir;
        Path pwfile = dir.resolve("pwfile");
        cluster.run(
                "initdb",
                "-D",
                dir.resolve("data").toString(),
                "-U",
                USER,
                "--pwfile=" + pwfile,
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--no-sync");
        cluster.pgCtlStart(durable);
        return cluster;
    }

    /**
     * A hot standby of this server, streaming its WAL: a copy by {@code pg_basebackup -R} started on a port of its
     * own. initdb's default pg_hba.conf lets the (superuser) test user replicate over loopback.
     */
    public PostgresCluster replica(Path parent) throws Exception {
        PostgresCluster replica = create(parent);
        replica.run(
                "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                USER,
                "-D",
                replica.dir.resolve("data").toString(),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
                "--no-sync");
        replica.pgCtlStart(false);
        return replica;
    }

    /** A fresh directory (the postgres account's under root) and a free port. */
    private static PostgresCluster create(Path parent) throws Exception {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createDirectories(
                parent.resolve("pg-" + UUID.randomUUID()).toAbsolutePath());
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n");
        if (root) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(pwfile, postgres);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return new PostgresCluster(bin, dir, s.getLocalPort(), root);
        }
    }

    private void pgCtlStart(boolean durable) throws Exception {
        run(
                "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                // No Unix-domain socket (every client connects over loopback): its path, inside a directory deep
                // under a worktree's target/, exceeds the 107 bytes a socket address holds and the server refused to
                // start.
                "-p " + port + " -k '' -c listen_addresses=127.0.0.1" + (durable ? "" : " -c fsync=off"),
                "start");
    }

    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new, empty database of this server, as its owner; each call gets a data source of its own. */
    public DataSource createDatabase(String name) throws SQLException {
        try (Connection c = dataSource(jdbcUrl()).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return dataSource(jdbcUrl(name));
    }

    public static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }

    /** Stops the server; once: a test may stop it early to see what the custodian does without it. */
    @Override
    public void close() throws Exception {
        if (stopped) return;
        stopped = true;
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    private void run(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asPostgres) command.addAll(List.of("runuser", "-u", "postgres", "--"));
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("pg-" + program, ".out");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        // for pg_basebackup, which has no password file option; runuser passes the environment on
        pb.environment().put("PGPASSWORD", PASSWORD);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(out));
        }
        Files.delete(out);
    }

    /** Debian keeps the server programs outside PATH, under /usr/lib/postgresql/&lt;version&gt;/bin. */
    private static Path binaries() throws IOException {
        String configured = System.getProperty("it.postgres.bin");
        if (configured != null) return Path.of(configured);
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) return newest.get();
            }
        }
        throw new IllegalStateException(
                "PostgreSQL server programs not found (initdb, pg_ctl): install Debian's postgresql "
                        + "package (.ci/run does) or set -Dit.postgres.bin=<dir>");
    }
}
