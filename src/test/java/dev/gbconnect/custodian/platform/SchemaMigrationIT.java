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
import java.sql.Statement;
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
        assertTrue(
                expected.equals(actual),
                () -> "only EclipseLink's: " + without(expected, actual) + "\nonly the migrations': "
                        + without(actual, expected));
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
