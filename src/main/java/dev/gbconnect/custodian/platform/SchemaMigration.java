package dev.gbconnect.custodian.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest migration (Flyway, {@code db/migration/<dialect>}, docs/configuration.md "Schema
 * migrations") while the application starts, before anything else uses the database. Payara initializes startup
 * singletons when it starts the application's EJBs, before the web module fires the
 * {@code @Initialized(ApplicationScoped)} event that seeds data and before any request; beans that touch the
 * database on a schedule of their own declare {@code @DependsOn("SchemaMigration")}. A failed migration fails the
 * deployment.
 *
 * <p>Several instances may start at once on one PostgreSQL database: Flyway migrates while holding a PostgreSQL
 * advisory lock (pg_try_advisory_xact_lock, keyed by the history table), so one instance migrates and the others
 * wait, then find nothing left to do. Embedded Derby is opened by one JVM only.
 */
@Startup
@Singleton
// Flyway commits each migration itself; a container transaction around it would refuse those commits.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void onStart() {
        migrate(dataSource);
    }

    static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect(dataSource))
                .validateMigrationNaming(true)
                // Flyway gives up on the lock after 50 s by default; an instance that waits for another's long
                // migration is merely not ready yet, and failing it would not make that migration go faster.
                .lockRetryCount(-1)
                // Tables without a history table: a database the builds before migrations created through
                // EclipseLink. V1 is exactly that schema, so it is recorded as applied and never run there.
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .load()
                .migrate();
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
