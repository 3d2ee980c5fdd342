package dev.gbconnect.custodian.testsupport;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the integration run with {@code -Dit.postgres=true}: starts a private PostgreSQL before the first test and
 * points the Arquillian container at it ({@code it.db}, read by arquillian.xml), so the same tests that run on Derby
 * run on PostgreSQL, all on the execution's one server ({@link OneServer}).
 */
public final class PostgresSuite implements LauncherSessionListener {

    private PostgresCluster cluster;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("it.postgres")) return;
        try {
            cluster = PostgresCluster.start(
                    Path.of(System.getProperty("it.dataRoot", "target/it-data")).toAbsolutePath());
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL for the integration tests", e);
        }
        System.setProperty(
                "it.db",
                "-Dcustodian.db.url=" + cluster.jdbcUrl() + " -Dcustodian.db.user=" + PostgresCluster.USER
                        + " -Dcustodian.db.password=" + PostgresCluster.PASSWORD);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (cluster == null) return;
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the integration tests' PostgreSQL", e);
        }
    }
}
