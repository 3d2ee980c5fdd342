package dev.gbconnect.custodian.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Notices;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox outlives the process: a notice still pending when the server stops goes out after it starts again. */
@OwnServer
class NotificationRestartIT {

    private static final Map<String, String> ENV = Map.of(
            "CUSTODIAN_DEMO_DATA",
            "false",
            "CUSTODIAN_ADMIN_CLIENT_ID",
            "restart-admin",
            "CUSTODIAN_ADMIN_CLIENT_SECRET",
            "restart-admin-secret",
            "CUSTODIAN_NOTIFY_POLL_INTERVAL",
            "PT0.5S",
            "CUSTODIAN_NOTIFY_FIRST_RETRY",
            "PT0.5S",
            "CUSTODIAN_NOTIFY_LONGEST_RETRY",
            "PT1S",
            "CUSTODIAN_NOTIFY_MAX_ATTEMPTS",
            "1000");

    @Test
    void aNoticePendingAtShutdownIsDeliveredAfterTheRestartWithTheSameDeliveryId() throws Exception {
        Path dataDir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "notify-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dataDir);
        try (NotifyReceiver receiver = new NotifyReceiver(Integer.MAX_VALUE, 204)) {
            UberJarServer first = UberJarServer.start(dataDir, UberJarServer.testJvm(), ENV);
            String firstId;
            long sequence;
            try {
                Api admin = first.api("restart-admin", "restart-admin-secret");
                ThirdParties.Registered app = ThirdParties.notified(admin, "Restarted app", receiver.uri());
                String customer = admin.newCustomer("restart-notify");
                assertEquals(
                        201,
                        admin.upload(customer, Shared.sample("openespi/test_usage_data.xml"))
                                .status());
                ThirdParties.offline(admin, app, customer, ThirdParties.SCOPE, null);
                firstId = receiver.await(2, Duration.ofSeconds(30)).get(0).deliveryId();
                JsonObject pending =
                        admin.get("admin/notifications?state=pending").array().getJsonObject(0);
                assertEquals(firstId, pending.getString("delivery_id"), "refused twice, still waiting");
                sequence = pending.getJsonNumber("id").longValue();
            } finally {
                first.stop();
            }
            int refused = receiver.received().size();
            receiver.answer(204);

            UberJarServer second = UberJarServer.start(dataDir, UberJarServer.testJvm(), ENV);
            try {
                List<NotifyReceiver.Received> got = receiver.await(refused + 1, Duration.ofSeconds(60));
                assertEquals(
                        firstId,
                        got.get(refused).deliveryId(),
                        "the same notice, which the receiver can tell it has seen");
                Api admin = second.api("restart-admin", "restart-admin-secret");
                JsonObject delivered = Notices.awaitState(admin, sequence, "delivered", Duration.ofSeconds(10));
                assertTrue(delivered.getInt("attempts") > refused, "attempts counted across the restart: " + delivered);
            } finally {
                second.stop();
            }
        }
    }
}
