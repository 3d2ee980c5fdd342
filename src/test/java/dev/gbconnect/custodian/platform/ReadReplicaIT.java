package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.PostgresCluster;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * custodian.db.replica-url (docs/scaling.md, "Read replicas"): a primary and a streaming replica of it made by
 * pg_basebackup. With the replica's replay paused, an upload is written to the primary, a third party's feed still
 * answers what the replica has, and the upload's notice waits; resumed, the notice goes out and the feed has the new
 * readings. The server's connections to the replica ended (as by a restart of it), the next read is the replica's
 * again; without the replica, feeds are read from the primary.
 */
@OwnServer
class ReadReplicaIT {

    /** A reading value no sample has, put into a copy of one to make its upload new data. */
    private static final String MARK = "987654321";

    /**
     * Without a HistoryLength (the sample's readings are of 2012) and without an IntervalDuration (its ReadingTypes
     * name no intervalLength, which such a scope requires).
     */
    private static final String SCOPE = "FB=1_3_4_5_13_14";

    @Test
    void feedReadsGoToTheReplicaAndNoticesWaitUntilItHasTheData() throws Exception {
        Path root = Path.of(System.getProperty("it.dataRoot", "target/it-data")).toAbsolutePath();
        Path dataDir = Files.createDirectories(root.resolve("replica-" + UUID.randomUUID()));
        try (PostgresCluster primary = PostgresCluster.start(root);
                PostgresCluster replica = primary.replica(root);
                NotifyReceiver receiver = new NotifyReceiver(0, 204)) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "CUSTODIAN_DB_URL",
                    primary.jdbcUrl(),
                    "CUSTODIAN_DB_REPLICA_URL",
                    replica.jdbcUrl(),
                    "CUSTODIAN_DB_USER",
                    PostgresCluster.USER,
                    "CUSTODIAN_DB_PASSWORD",
                    PostgresCluster.PASSWORD,
                    "CUSTODIAN_ADMIN_CLIENT_ID",
                    Api.IT_ADMIN,
                    "CUSTODIAN_ADMIN_CLIENT_SECRET",
                    Api.IT_SECRET,
                    "CUSTODIAN_DEMO_DATA",
                    "false",
                    "CUSTODIAN_NOTIFY_POLL_INTERVAL",
                    "PT0.1S",
                    "CUSTODIAN_NOTIFY_REQUEST_TIMEOUT",
                    "PT1S"));
            UberJarServer server = UberJarServer.start(dataDir, UberJarServer.testJvm(), env);
            try {
                Api admin = server.api(Api.IT_ADMIN, Api.IT_SECRET);
                String customer = admin.newCustomer(
                        "replica-" + UUID.randomUUID().toString().substring(0, 8));
                Path sample = Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml");
                assertEquals(201, admin.upload(customer, sample).status());
                ThirdParties.Registered app =
                        ThirdParties.register(admin, ThirdParties.registration("Replica app", receiver.uri(), SCOPE));
                JsonObject token = ThirdParties.offlineToken(admin, app, customer, SCOPE, null);
                Api thirdParty = Api.withAuthorization(server.base(), "Bearer " + token.getString("access_token"));
                String subscription = token.getString("resourceURI")
                        .substring(server.base().toString().length());
                DataSource standby = PostgresCluster.dataSource(replica.jdbcUrl());
                // as a third party that reads at once after its grant must (docs/scaling.md): the replica may lag
                replayed(PostgresCluster.dataSource(primary.jdbcUrl()), standby);
                assertEquals(384, readings(thirdParty, subscription, "espi:IntervalReading"));
                int before = receiver.received().size();

                sql(standby, "SELECT pg_wal_replay_pause()");
                String changed = Files.readString(sample, StandardCharsets.UTF_8)
                        .replaceFirst("<value>155</value>", "<value>" + MARK + "</value>");
                Api.Reply upload =
                        admin.upload(customer, "application/atom+xml", changed.getBytes(StandardCharsets.UTF_8));
                assertEquals(200, upload.status(), "writes go to the primary: " + upload.body());
                assertTrue(upload.json().getJsonObject("readings").getInt("updated") > 0, upload.body());
                assertEquals(
                        0,
                        readings(thirdParty, subscription, "espi:IntervalReading[espi:value='" + MARK + "']"),
                        "the feed is read on the replica, whose replay is paused");
                Thread.sleep(1_500);
                assertEquals(
                        before,
                        receiver.received().size(),
                        "no notice while the replica lacks the data: " + receiver.received());

                sql(standby, "SELECT pg_wal_replay_resume()");
                receiver.await(before + 1, Duration.ofSeconds(20));
                assertEquals(
                        1,
                        readings(thirdParty, subscription, "espi:IntervalReading[espi:value='" + MARK + "']"),
                        "the notice went out once the replica had the data");

                assertTrue(
                        terminateClients(standby) > 0,
                        "the server holds connections to the replica, which the replica now ends as at a restart");
                assertEquals(
                        1,
                        readings(thirdParty, subscription, "espi:IntervalReading[espi:value='" + MARK + "']"),
                        "the pool replaces connections the replica has ended (a 500 before it checked them)");
                assertTrue(terminateClients(standby) > 0, "that read was the replica's");

                replica.close();
                assertEquals(
                        1,
                        readings(thirdParty, subscription, "espi:IntervalReading[espi:value='" + MARK + "']"),
                        "without the replica, feeds are read from the primary (a 500 before)");
                assertTrue(
                        Files.readString(server.log()).contains("the read replica cannot be reached"),
                        "the switch to the primary is logged");
            } finally {
                server.stop();
            }
        }
    }

    private static int readings(Api thirdParty, String subscription, String element) {
        Api.Reply r = thirdParty.get(subscription);
        assertEquals(200, r.status(), r.body());
        assertFalse(r.body().isEmpty());
        return Atom.valid(r.body()).count("//" + element);
    }

    /** Waits until the standby has replayed what the primary has written so far. */
    private static void replayed(DataSource primary, DataSource standby) throws Exception {
        String written;
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            r.next();
            written = r.getString(1);
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection c = standby.getConnection();
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("SELECT pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn")) {
                    if (r.next() && r.getBoolean(1)) return;
                }
                if (System.nanoTime() > end) throw new AssertionError("the replica did not replay " + written);
                Thread.sleep(50);
            }
        }
    }

    /** Ends the sessions of other clients (the server's pooled connections), as a restart of the server would. */
    private static int terminateClients(DataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void sql(DataSource db, String query) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            r.next();
        }
    }
}
