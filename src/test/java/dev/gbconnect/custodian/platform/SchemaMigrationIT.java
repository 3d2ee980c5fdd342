package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Catalog;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.PostgresCluster;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations against what they replace: EclipseLink's own DDL for the entities, on embedded Derby and on a
 * private PostgreSQL server. No application server: {@link SchemaMigration#migrate} is what the application runs.
 */
@OwnServer
class SchemaMigrationIT {

    /**
     * EclipseLink's key of INTERVAL_BLOCK, which V16 replaces on PostgreSQL: a partitioned table's unique constraints
     * must include its partition key (INTERVAL_START). The index over (METER_READING_ID, INTERVAL_START, ID) and the
     * columns stay as EclipseLink makes them.
     */
    private static final List<String> BLOCK_KEY_BY_ID = List.of(
            "interval_block primary key interval_block_pkey (id)",
            "interval_block index interval_block_pkey unique 1:id");

    /** What V16 has instead: a unique key over the block's id and the partition key. */
    private static final List<String> BLOCK_KEY_BY_PARTITION = List.of(
            "interval_block index uq_interval_block_id unique 1:id",
            "interval_block index uq_interval_block_id unique 2:interval_start");

    private static PostgresCluster pg;
    private static int databases;

    /** A fresh, empty database of one dialect. */
    record Dialect(String name, Function<String, DataSource> fresh) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void startPostgres() throws Exception {
        Path root = Files.createDirectories(
                Path.of(System.getProperty("it.dataRoot", "target/it-data")).toAbsolutePath());
        System.getProperties()
                .putIfAbsent(
                        "derby.stream.error.file",
                        root.resolve("schema-migration-derby.log").toString());
        pg = PostgresCluster.start(root);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    static Stream<Dialect> dialects() {
        return Stream.of(
                new Dialect("derby", name -> {
                    EmbeddedDataSource derby = new EmbeddedDataSource();
                    derby.setDatabaseName("memory:" + name);
                    derby.setCreateDatabase("create");
                    derby.setUser("app");
                    return derby;
                }),
                new Dialect("postgresql", name -> {
                    try {
                        return pg.createDatabase(name);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void migrationsWhenRunOnEmptyDatabaseThenSchemaIsWhatEclipseLinkGeneratesForTheEntities(Dialect dialect)
            throws Exception {
        DataSource generated = fresh(dialect);
        eclipseLinkCreatesSchema(generated);
        DataSource migrated = fresh(dialect);

        MigrateResult result = SchemaMigration.migrate(migrated);

        assertEquals(
                migrations(dialect.name()), result.migrationsExecuted, "every migration runs on an empty database");
        List<String> expected = Catalog.schema(generated), actual = Catalog.schema(migrated);
        if (dialect.name().equals("postgresql")) {
            assertTrue(actual.containsAll(BLOCK_KEY_BY_PARTITION), actual.toString());
            assertEquals(
                    "UNIQUE NULLS NOT DISTINCT (id, interval_start)",
                    constraint(migrated, "uq_interval_block_id"),
                    "V16 partitions INTERVAL_BLOCK: its key must include the partition key");
            expected = without(expected, BLOCK_KEY_BY_ID);
            actual = without(actual, BLOCK_KEY_BY_PARTITION);
        }
        List<String> eclipseLink = expected, migrations = actual;
        assertTrue(
                eclipseLink.equals(migrations),
                () -> "only EclipseLink's: " + without(eclipseLink, migrations) + "\nonly the migrations': "
                        + without(migrations, eclipseLink));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void migrateWhenDatabaseWasCreatedByEclipseLinkThenItIsBaselinedAtV1(Dialect dialect) throws Exception {
        DataSource old = fresh(dialect);
        createdBeforeMigrations(dialect, old);

        MigrateResult result = SchemaMigration.migrate(old);

        assertEquals("1", result.initialSchemaVersion);
        assertEquals(migrations(dialect.name()) - 1, result.migrationsExecuted, "V1 is not run on tables that exist");
        assertEquals("1 BASELINE true", Catalog.history(old).get(0));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void migrateWhenRunAgainThenNothingRuns(Dialect dialect) throws Exception {
        DataSource db = fresh(dialect);
        SchemaMigration.migrate(db);
        List<String> history = Catalog.history(db);

        assertEquals(0, SchemaMigration.migrate(db).migrationsExecuted);
        assertEquals(history, Catalog.history(db));
    }

    /**
     * Several instances of the uber-jar may start together on one PostgreSQL database. Repeated: the race this
     * guards against (one instance finding the other's history table still empty) shows only now and then.
     */
    @RepeatedTest(10)
    void migrateWhenTwoInstancesStartAtOnceOnPostgresThenEachMigrationRunsOnce() throws Exception {
        String name =
                "concurrent_" + (++databases) + "_" + ProcessHandle.current().pid();
        DataSource db = pg.createDatabase(name);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrateResult>> results = Stream.generate(() -> instances.submit(() -> {
                        together.await();
                        return SchemaMigration.migrate(PostgresCluster.dataSource(pg.jdbcUrl(name)));
                    }))
                    .limit(2)
                    .toList();
            int executed = 0;
            for (Future<MigrateResult> r : results) executed += r.get().migrationsExecuted;
            assertEquals(migrations("postgresql"), executed);
        } finally {
            instances.shutdown();
        }
        List<String> history = Catalog.history(db);
        assertEquals(migrations("postgresql"), history.size(), history.toString());
        assertTrue(history.stream().allMatch(row -> row.endsWith(" SQL true")), history.toString());
    }

    /** V16 on a database with blocks: each month goes to a partition of its own, a block without a start to the default. */
    @Test
    void migrateWhenBlocksAreStoredOnPostgresThenEachMonthGetsAPartitionOfItsOwn() throws Exception {
        DataSource db = fresh(dialects()
                .filter(d -> d.name().equals("postgresql"))
                .findFirst()
                .orElseThrow());
        createdBeforeMigrations(new Dialect("postgresql", null), db);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String start : new String[] {"1335830399", "1335830400", "1335834000", "NULL"}) {
                s.execute("INSERT INTO INTERVAL_BLOCK (ID, INTERVAL_START, READING_COUNT, READINGS, METER_READING_ID)"
                        + " VALUES ('block-" + start + "', " + start + ", 0, ''::bytea, 'mr')");
            }
        }

        SchemaMigration.migrate(db);

        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT tableoid::regclass::text AS p, count(*) FROM interval_block GROUP BY p ORDER BY p")) {
            List<String> partitions = new ArrayList<>();
            while (r.next()) partitions.add(r.getString(1) + "=" + r.getLong(2));
            assertEquals(
                    List.of("interval_block_2012_04=1", "interval_block_2012_05=2", "interval_block_default=1"),
                    partitions,
                    "2012-04-30T23:59:59Z in April; 2012-05-01T00:00:00Z and an hour later in May");
        }
    }

    /** A version is written once per dialect: the same file names in both folders. */
    @Test
    void migrationsWhenListedThenBothDialectsHaveTheSameVersions() throws Exception {
        assertEquals(files("derby"), files("postgresql"));
    }

    private static DataSource fresh(Dialect dialect) {
        return dialect.fresh()
                .apply("schema_" + (++databases) + "_" + ProcessHandle.current().pid());
    }

    /** What the builds before migrations did at every start. */
    private static void eclipseLinkCreatesSchema(DataSource dataSource) {
        Persistence.generateSchema(
                "custodian",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.nonJtaDataSource", dataSource,
                        "jakarta.persistence.schema-generation.database.action", "create",
                        "eclipselink.weaving", "false"));
    }

    /**
     * What the builds before migrations left: EclipseLink's DDL of the entities as they were then, which is V1 (held
     * to it when it was written; later entities have later migrations), and no history table.
     */
    private static void createdBeforeMigrations(Dialect dialect, DataSource dataSource) throws Exception {
        String v1 = Files.readString(Path.of(SchemaMigration.class
                .getClassLoader()
                .getResource("db/migration/" + dialect.name() + "/V1__baseline.sql")
                .toURI()));
        try (Connection c = dataSource.getConnection();
                Statement statement = c.createStatement()) {
            for (String sql : v1.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) statement.execute(sql);
            }
        }
    }

    private static String constraint(DataSource db, String name) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '" + name + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static List<String> without(List<String> lines, List<String> others) {
        return lines.stream().filter(line -> !others.contains(line)).toList();
    }

    private static int migrations(String dialect) throws IOException, URISyntaxException {
        return files(dialect).size();
    }

    private static List<String> files(String dialect) throws IOException, URISyntaxException {
        Path dir = Path.of(SchemaMigration.class
                .getClassLoader()
                .getResource("db/migration/" + dialect)
                .toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
