package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.PostgresCluster;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The same uber-jar on PostgreSQL, chosen by configuration alone: seeding, imports, refusals, and a restart. */
class PostgresIT {

    @Test
    void uberJarOnPostgresImportsRefusesAndKeepsData() throws Exception {
        Path root = Path.of(System.getProperty("it.dataRoot", "target/it-data")).toAbsolutePath();
        Path dataDir = Files.createDirectories(root.resolve("postgres-" + UUID.randomUUID()));
        try (PostgresCluster pg = PostgresCluster.start(root)) {
            Map<String, String> env = Map.of("CUSTODIAN_DB_URL", pg.jdbcUrl(), "CUSTODIAN_DB_USER", PostgresCluster.USER,
                    "CUSTODIAN_DB_PASSWORD", PostgresCluster.PASSWORD,
                    "CUSTODIAN_ADMIN_CLIENT_ID", Api.IT_ADMIN, "CUSTODIAN_ADMIN_CLIENT_SECRET", Api.IT_SECRET);
            String customer;
            JsonArray stored;
            UberJarServer first = UberJarServer.start(dataDir, UberJarServer.testJvm(), env);
            try {
                Api admin = first.api(Api.IT_ADMIN, Api.IT_SECRET);
                JsonArray demo = admin.get("admin/customers").array();
                assertEquals(List.of("alice", "bob", "carol"), demo.stream().map(c -> c.asJsonObject().getString("username")).toList(),
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
                Api.Reply truncated = admin.upload(customer, "application/atom+xml", truncated(Shared.sample("datasdk/Gas.xml")));
                assertEquals(400, truncated.status(), truncated.body());
                assertEquals(stored, admin.inventory(customer), "a rejected file leaves PostgreSQL unchanged");
            } finally {
                first.stop();
            }
            assertFalse(Files.exists(dataDir.resolve("derby")), "no Derby database when a PostgreSQL URL is configured");

            UberJarServer second = UberJarServer.start(dataDir, UberJarServer.testJvm(), env);
            try {
                Api admin = second.api(Api.IT_ADMIN, Api.IT_SECRET);
                assertEquals(stored, admin.inventory(customer), "data survives a restart");
                JsonObject health = admin.get("health/ready").json();
                assertTrue(health.toString().contains("UP"), health.toString());
            } finally {
                second.stop();
            }
        }
    }

    private static byte[] truncated(Path sample) throws Exception {
        String xml = Files.readString(sample, StandardCharsets.UTF_8);
        return xml.substring(0, xml.length() * 2 / 3).getBytes(StandardCharsets.UTF_8);
    }
}
