package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/**
 * A start that cannot serve ends the process with a non-zero status, and its first line without a stack trace above
 * it names the cause and the setting to change (issue 18): systemd and Kubernetes restart or alert on the status, and
 * the operator reads the line. The shipped uber-jar, started for real, once per cause; a second instance on the same
 * Derby directory is in {@link UberJarIT}, beside the first.
 */
@OwnServer
class StartFailureIT {

    @Test
    void portInUseWhenStartingThenExitsAtOnceNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            UberJarServer.Failed failed =
                    UberJarServer.failToStart(dataDir("port"), Map.of(), taken.getLocalPort(), List.of());

            String line = causeLine(failed);
            assertTrue(line.contains("port " + taken.getLocalPort()) && line.contains("--port"), line);
            assertTrue(failed.took().toSeconds() < 10, "checked before Payara boots: " + failed.took());
        }
    }

    @Test
    void databaseUnreachableWhenStartingThenExitsNamingTheDatabaseSetting() throws Exception {
        int nobody = UberJarServer.freePort();
        UberJarServer.Failed failed = UberJarServer.failToStart(
                dataDir("unreachable"),
                Map.of("CUSTODIAN_DB_URL", "jdbc:postgresql://127.0.0.1:" + nobody + "/custodian?password=hidden"),
                UberJarServer.freePort(),
                List.of());

        String line = causeLine(failed);
        assertTrue(line.contains("127.0.0.1:" + nobody) && line.contains("custodian.db.url"), line);
        assertTrue(!failed.output().contains("hidden"), "the URL's password is not logged:\n" + failed.output());
    }

    @Test
    void settingWithBadValueWhenStartingThenExitsNamingTheSettingAndItsVariable() throws Exception {
        UberJarServer.Failed failed = UberJarServer.failToStart(
                dataDir("setting"),
                Map.of("CUSTODIAN_OAUTH_ACCESS_TOKEN_LIFETIME", "1h"),
                UberJarServer.freePort(),
                List.of());

        String line = causeLine(failed);
        assertTrue(
                line.contains("custodian.oauth.access-token-lifetime")
                        && line.contains("CUSTODIAN_OAUTH_ACCESS_TOKEN_LIFETIME")
                        && line.contains("'1h'"),
                line);
    }

    /**
     * Settings read in code rather than injected, each of a kind the container would not refuse: a word MicroProfile
     * Config reads as false, a number out of range, a URL without a scheme, a secret too short. One start reports
     * them all; the value of a secret is never written.
     */
    @Test
    void settingsReadInCodeWithBadValuesWhenStartingThenExitsNamingEachAndWhatIsAllowed() throws Exception {
        UberJarServer.Failed failed = UberJarServer.failToStart(
                dataDir("read-in-code"),
                Map.of(
                        "CUSTODIAN_ACCESS_LOG", "yes",
                        "CUSTODIAN_FEED_CONCURRENCY", "0",
                        "CUSTODIAN_PUBLIC_URL", "greenbutton.utility.example",
                        "CUSTODIAN_METRICS_TOKEN", "tooshort"),
                UberJarServer.freePort(),
                List.of());

        String line = causeLine(failed);
        assertTrue(
                line.contains(
                        "custodian.access-log (environment variable CUSTODIAN_ACCESS_LOG) = 'yes' is not true or false"),
                line);
        String output = failed.output();
        assertTrue(
                output.contains(
                        "custodian.feed.concurrency (environment variable CUSTODIAN_FEED_CONCURRENCY) = '0' is not a whole number from 1"),
                output);
        assertTrue(
                output.contains(
                        "custodian.public-url (environment variable CUSTODIAN_PUBLIC_URL) = 'greenbutton.utility.example' is not an absolute http or https URL"),
                output);
        assertTrue(
                output.contains(
                        "custodian.metrics.token (environment variable CUSTODIAN_METRICS_TOKEN) = (hidden) is not at least 16 characters"),
                output);
        assertTrue(!output.contains("tooshort"), "the secret is not logged:\n" + output);
    }

    @Test
    void migrationFailingWhenStartingThenExitsNamingTheMigration() throws Exception {
        Path dir = dataDir("migration");
        System.getProperties()
                .putIfAbsent("derby.stream.error.file", dir.resolve("derby.log").toString());
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(dir.resolve("derby").toString());
        derby.setCreateDatabase("create");
        derby.setUser("app");
        SchemaMigration.migrate(derby);
        try (Connection c = derby.getConnection();
                Statement edit = c.createStatement()) {
            // what a hand-edited migration that had already run looks like to Flyway
            edit.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '2'");
        }
        derby.setCreateDatabase(null);
        derby.setShutdownDatabase("shutdown");
        try {
            derby.getConnection().close();
        } catch (SQLException shutDown) {
            // Derby reports a completed shutdown as an exception (08006)
        }

        UberJarServer.Failed failed = UberJarServer.failToStart(dir, Map.of(), UberJarServer.freePort(), List.of());

        String line = causeLine(failed);
        assertTrue(
                line.contains("checksum mismatch") && line.contains("version 2") && line.contains("custodian.db.url"),
                line);
    }

    /**
     * The process ended by itself with a non-zero status, and the first line that says "cannot start" comes before
     * any stack trace, and is repeated, alone, where the launcher ends the process. Returns it.
     */
    static String causeLine(UberJarServer.Failed failed) {
        String output = failed.output();
        assertNotEquals(0, failed.status(), output);
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        int cause = -1;
        for (int i = 0; i < lines.size() && cause < 0; i++) {
            if (lines.get(i).contains("cannot start:")) cause = i;
        }
        assertTrue(cause >= 0, "no line says why:\n" + output);
        assertTrue(
                lines.subList(0, cause).stream().noneMatch(l -> l.startsWith("\tat ")),
                "a stack trace before the cause:\n" + output);
        String line = lines.get(cause);
        String why = line.substring(line.indexOf("cannot start:"));
        assertTrue(
                lines.subList(cause, lines.size()).contains("custodian " + why), "the launcher repeats it:\n" + output);
        return line;
    }

    static Path dataDir(String name) throws Exception {
        return Files.createDirectories(
                Path.of(System.getProperty("it.dataRoot", "target/it-data"), "start-" + name + "-" + UUID.randomUUID())
                        .toAbsolutePath());
    }
}
