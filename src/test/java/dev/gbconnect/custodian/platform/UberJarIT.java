package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped uber-jar, started the way the README starts it: demo data on first start, a generated admin client
 * printed once, configuration from environment variables, and everything still there after a restart.
 */
class UberJarIT {

    @Test
    void uberJarWhenRestartedThenDataAndCredentialsSurvive() throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "uberjar-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir);

        UberJarServer first = UberJarServer.start(dataDir, UberJarServer.testJvm(), Map.of());
        String clientId, secret, uploaded;
        JsonArray customersBefore, uploadedBefore;
        try {
            Matcher generated = Pattern.compile("client id:\\s+(\\S+)\\s+client secret:\\s+(\\S+)").matcher(first.output());
            assertTrue(generated.find(), "the first start prints a generated admin client");
            clientId = generated.group(1);
            secret = generated.group(2);
            Api admin = first.api(clientId, secret);

            customersBefore = admin.get("admin/customers").array();
            assertEquals(List.of("alice", "bob", "carol"), customersBefore.stream().map(c -> c.asJsonObject().getString("username")).toList());
            JsonArray alice = admin.inventory(id(customersBefore, "alice"));
            assertEquals(1, alice.size());
            JsonObject year = alice.getJsonObject(0).getJsonArray("meterReadings").getJsonObject(0).getJsonObject("totals");
            assertEquals(365 * 96, year.getInt("readings"), "a year of 15-minute readings");
            JsonArray bob = admin.inventory(id(customersBefore, "bob"));
            assertEquals(List.of(0, 1), bob.stream().map(u -> u.asJsonObject().getInt("serviceKind")).sorted().toList(), "electric and gas");

            uploaded = admin.newCustomer("restart-check");
            assertEquals(201, admin.upload(uploaded, Shared.sample("openespi/test_usage_data.xml")).status());
            uploadedBefore = admin.inventory(uploaded);
        } finally {
            first.stop();
        }
        assertTrue(Files.isDirectory(dataDir.resolve("derby")), "Derby lives below custodian.data-dir");

        UberJarServer second = UberJarServer.start(dataDir, UberJarServer.testJvm(), Map.of("CUSTODIAN_ADMIN_CLIENT_ID", "ops-admin",
                "CUSTODIAN_ADMIN_CLIENT_SECRET", "ops-secret-from-the-environment"));
        try {
            assertFalse(second.output().contains("client secret:"), "the generated secret is printed once only");
            Api generatedAdmin = second.api(clientId, secret);
            assertEquals(customersBefore.size() + 1, generatedAdmin.get("admin/customers").array().size(),
                    "the demo customers and the one we added; demo data is not seeded again");
            assertEquals(uploadedBefore, generatedAdmin.inventory(uploaded), "uploaded data survives the restart");
            Api configured = second.api("ops-admin", "ops-secret-from-the-environment");
            assertEquals(200, configured.get("admin/customers").status(), "admin client from environment variables");
        } finally {
            second.stop();
        }
    }

    private static String id(JsonArray customers, String username) {
        return customers.stream().map(c -> c.asJsonObject()).filter(c -> c.getString("username").equals(username))
                .findFirst().orElseThrow().getString("id");
    }
}
