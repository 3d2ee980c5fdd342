package dev.gbconnect.custodian.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest migration (Flyway, {@code db/migration/<dialect>}, docs/configuration.md "Schema
 * migrations") while the application starts, before anything else uses the database. Payara initializes startup
 * singletons when it starts the application's EJBs, before the web module fires the
 * {@code @Initialized(ApplicationScoped)} event that seeds data and before any request; beans that touch the
 * database on a schedule of their own declare {@code @DependsOn("SchemaMigration")}. A failed migration fails the
 * deployment.
 *
 * <p>Several instances may start at once on one PostgreSQL database: each migrates under a session-level advisory
 * lock of ours, so one instance migrates and the others wait, then find nothing left to do. Embedded Derby is opened
 * by one JVM only.
 */
@Startup
@Singleton
// Flyway commits each migration itself; a container transaction around it would refuse those commits.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    /** Any number agreed by every instance, apart from {@link StartupLock}'s. */
    private static final long MIGRATION_LOCK = 7_105_112_716_935_002L;

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void onStart() {
        try {
            migrate(dataSource);
        } catch (FlywayException e) {
            StartOutcome.failed("the database schema cannot be migrated: " + oneLine(e.getMessage())
                    + "; restore the database from a backup, or point custodian.db.url (or custodian.data-dir) at"
                    + " this version's database (docs/configuration.md, Schema migrations)");
            throw e;
        }
    }

    /** Flyway's message on one line; the statement that failed, often long, stays in the stack trace below it. */
    private static String oneLine(String message) {
        String text =
                message.replaceAll("\\s*-{3,}\\s*", " ").replaceAll("\\s+", " ").trim();
        int statement = text.indexOf(" Statement :");
        return statement < 0 ? text : text.substring(0, statement);
    }

    static MigrateResult migrate(DataSource dataSource) {
        String dialect = dialect(dataSource);
        if (!"postgresql".equals(dialect)) return flyway(dataSource, dialect).migrate();
        // Flyway creates its history table before it takes its own lock: an instance starting meanwhile found the
        // table empty, took the database for one made before migrations, and failed to baseline it (ClusterIT saw
        // it). So the whole migration runs under a lock of ours, held by a session of its own.
        try (Connection c = dataSource.getConnection();
                Statement lock = c.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                return flyway(dataSource, dialect).migrate();
            } finally {
                lock.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the migration lock", e);
        }
    }

    private static Flyway flyway(DataSource dataSource, String dialect) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect)
                .validateMigrationNaming(true)
                // Flyway gives up on the lock after 50 s by default; an instance that waits for another's long
                // migration is merely not ready yet, and failing it would not make that migration go faster.
                .lockRetryCount(-1)
                // Tables without a history table: a database the builds before migrations created through
                // EclipseLink. V1 is exactly that schema, so it is recorded as applied and never run there.
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .load();
    }

    private static String dialect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "Apache Derby" -> "derby";
                case "PostgreSQL" -> "postgresql";
                default -> throw new IllegalStateException("no schema migrations for " + product);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate its schema", e);
        }
    }
}
