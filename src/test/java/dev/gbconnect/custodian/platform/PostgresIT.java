package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Catalog;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.PostgresCluster;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The same uber-jar on PostgreSQL, chosen by configuration alone: migrations, seeding, imports, refusals, and a restart. */
@OwnServer
class PostgresIT {

    @Test
    void uberJarOnPostgresImportsRefusesAndKeepsData() throws Exception {
        Path root = Path.of(System.getProperty("it.dataRoot", "target/it-data")).toAbsolutePath();
        Path dataDir = Files.createDirectories(root.resolve("postgres-" + UUID.randomUUID()));
        try (PostgresCluster pg = PostgresCluster.start(root)) {
            Map<String, String> env = Map.of(
                    "CUSTODIAN_DB_URL",
                    pg.jdbcUrl(),
                    "CUSTODIAN_DB_USER",
                    PostgresCluster.USER,
                    "CUSTODIAN_DB_PASSWORD",
                    PostgresCluster.PASSWORD,
                    "CUSTODIAN_ADMIN_CLIENT_ID",
                    Api.IT_ADMIN,
                    "CUSTODIAN_ADMIN_CLIENT_SECRET",
                    Api.IT_SECRET);
            String customer;
            JsonArray stored;
            UberJarServer first = UberJarServer.start(dataDir, UberJarServer.testJvm(), env);
            try {
                Api admin = first.api(Api.IT_ADMIN, Api.IT_SECRET);
                JsonArray demo = admin.get("admin/customers").array();
                assertEquals(
                        List.of("alice", "bob", "carol"),
                        demo.stream()
                                .map(c -> c.asJsonObject().getString("username"))
                                .toList(),
                        "demo data seeded into PostgreSQL");

                customer = admin.newCustomer("pg-upload");
                Api.Reply created = admin.upload(customer, Shared.sample("datasdk/1hrLP_32DaysFiveUsagePoints_M.xml"));
                assertEquals(201, created.status(), created.body());
                assertEquals(3840, created.json().getJsonObject("readings").getInt("created"));

                Api.Reply again = admin.upload(customer, Shared.sample("datasdk/1hrLP_32DaysFiveUsagePoints_M.xml"));
                assertEquals(200, again.status(), again.body());
                assertEquals(3840, again.json().getJsonObject("readings").getInt("unchanged"));

                stored = admin.inventory(customer);
                assertEquals(5, stored.size());
                feedsRead(first, admin, customer);
                Api.Reply truncated =
                        admin.upload(customer, "application/atom+xml", truncated(Shared.sample("datasdk/Gas.xml")));
                assertEquals(400, truncated.status(), truncated.body());
                assertEquals(stored, admin.inventory(customer), "a rejected file leaves PostgreSQL unchanged");
            } finally {
                first.stop();
            }
            assertFalse(
                    Files.exists(dataDir.resolve("derby")), "no Derby database when a PostgreSQL URL is configured");
            List<String> migrated = Catalog.history(PostgresCluster.dataSource(pg.jdbcUrl()));
            assertEquals(
                    "1 SQL true", migrated.get(0), "a new database is created by the migrations, from V1: " + migrated);
            assertTrue(migrated.stream().allMatch(row -> row.endsWith(" SQL true")), migrated.toString());

            DataSource db = PostgresCluster.dataSource(pg.jdbcUrl());
            assertEquals(
                    Map.of("interval_block_default", 160L),
                    blocksOf2012(db),
                    "months without a partition wait in the default partition");

            UberJarServer second = UberJarServer.start(dataDir, UberJarServer.testJvm(), env);
            try {
                Api admin = second.api(Api.IT_ADMIN, Api.IT_SECRET);
                assertEquals(
                        Map.of("interval_block_2012_04", 150L, "interval_block_2012_05", 10L),
                        blocksOf2012(db),
                        "the server's start moved each month to a partition of its own");
                assertEquals(stored, admin.inventory(customer), "data survives a restart");
                JsonObject health = admin.get("health/ready").json();
                assertTrue(health.toString().contains("UP"), health.toString());
                monthDetachedWhileServing(db, admin, customer);
            } finally {
                second.stop();
            }
            assertEquals(
                    migrated,
                    Catalog.history(PostgresCluster.dataSource(pg.jdbcUrl())),
                    "a restart runs no migration again");
        }
    }

    /** The feed SQL (reach subqueries, paging) on PostgreSQL: Download My Data, a page of blocks, a Subscription. */
    private static void feedsRead(UberJarServer server, Api admin, String customer) {
        Atom download = Atom.valid(admin.get("espi/1_1/resource/Batch/RetailCustomer/" + customer + "/UsagePoint")
                .body());
        assertEquals(3840, download.count("//espi:IntervalReading"));
        Atom page = Atom.valid(admin.get(
                        "espi/1_1/resource/IntervalBlock?start-index=3&max-results=5&published-min=2012-04-02T00:00:00Z")
                .body());
        assertEquals(5, page.count("/atom:feed/atom:entry"));
        assertFalse(page.text("/atom:feed/atom:link[@rel='next']/@href").isEmpty());

        List<String> points = download.texts("/atom:feed/atom:entry[atom:content/espi:UsagePoint]/atom:id").stream()
                .map(id -> id.substring(9))
                .toList();
        ThirdParties.Registered app = ThirdParties.confidential(admin, "http://127.0.0.1:9/cb");
        JsonObject token =
                ThirdParties.offlineToken(admin, app, customer, ThirdParties.OTHER_SCOPE, points.subList(0, 2));
        Atom subscription = Atom.valid(Api.withAuthorization(server.base(), "Bearer " + token.getString("access_token"))
                .get(token.getString("resourceURI")
                        .substring(server.base().toString().length()))
                .body());
        assertEquals(2, subscription.count("/atom:feed/atom:entry/atom:content/espi:UsagePoint"));
    }

    /** docs/operations.md, "Partitions of interval data": archiving a month leaves the server serving the rest. */
    private static void monthDetachedWhileServing(DataSource db, Api admin, String customer) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE interval_block DETACH PARTITION interval_block_2012_05");
        }
        String download = "espi/1_1/resource/Batch/RetailCustomer/" + customer + "/UsagePoint";
        assertEquals(
                3840 - 10 * 24,
                Atom.valid(admin.get(download).body()).count("//espi:IntervalReading"),
                "April, read across the partitions left, without May's 10 blocks of 24 readings");

        Api.Reply again = admin.upload(customer, Shared.sample("datasdk/1hrLP_32DaysFiveUsagePoints_M.xml"));
        assertEquals(201, again.status(), "May's blocks are created again: " + again.body());
        assertEquals(240, again.json().getJsonObject("readings").getInt("created"), again.body());
        assertEquals(
                Map.of("interval_block_2012_04", 150L, "interval_block_default", 10L),
                blocksOf2012(db),
                "May sent again lands in the default partition");
        assertEquals(10L, count(db, "SELECT count(*) FROM interval_block_2012_05"), "the detached month is kept");
    }

    /** The sample's blocks (2012; the demo data is of recent years) by the partition that holds them. */
    private static Map<String, Long> blocksOf2012(DataSource db) throws Exception {
        Map<String, Long> blocks = new TreeMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT tableoid::regclass::text, count(*) FROM interval_block"
                        + " WHERE interval_start < 1356998400 GROUP BY 1")) {
            while (r.next()) blocks.put(r.getString(1), r.getLong(2));
        }
        return blocks;
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static byte[] truncated(Path sample) throws Exception {
        String xml = Files.readString(sample, StandardCharsets.UTF_8);
        return xml.substring(0, xml.length() * 2 / 3).getBytes(StandardCharsets.UTF_8);
    }
}
