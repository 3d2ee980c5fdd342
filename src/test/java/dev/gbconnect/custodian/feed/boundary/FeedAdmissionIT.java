package dev.gbconnect.custodian.feed.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Reads take turns (FeedAdmission). On a server with a single turn, clients that ask for a large download and then
 * stop reading must not keep it: another reader is still served at once, not after the queue timeout. A poll that
 * reads nothing but the token (ReadServiceStatus) takes no turn at all.
 */
@OwnServer
class FeedAdmissionIT {

    @Test
    void readersWhenOthersStopReadingMidDownloadThenStillServedAtOnce() throws Exception {
        Path dir = Files.createDirectories(
                Path.of(System.getProperty("it.dataRoot", "target/it-data"), "admission-" + UUID.randomUUID())
                        .toAbsolutePath());
        UberJarServer server = UberJarServer.start(
                dir,
                UberJarServer.testJvm(),
                Map.of(
                        "CUSTODIAN_DEMO_DATA",
                        "false",
                        "CUSTODIAN_ADMIN_CLIENT_ID",
                        Api.IT_ADMIN,
                        "CUSTODIAN_ADMIN_CLIENT_SECRET",
                        Api.IT_SECRET,
                        "CUSTODIAN_FEED_CONCURRENCY",
                        "1",
                        "CUSTODIAN_FEED_QUEUE_TIMEOUT",
                        "PT10S"));
        List<Socket> stalled = new ArrayList<>();
        try {
            Api admin = server.api(Api.IT_ADMIN, Api.IT_SECRET);
            String customer = admin.newCustomer("stalled-downloads");
            // Ten years of 15-minute readings, about 50 MB of XML: far more than socket buffers and the server's
            // write queue hold, so a client that reads nothing blocks the server's writes.
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            GreenButtonGenerator.write(
                    file,
                    new Plan(
                            List.of(new Point("big", Kind.ELECTRIC, 3)),
                            Instant.parse("2015-01-01T00:00:00Z").getEpochSecond(),
                            3650,
                            900));
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", file.toByteArray())
                            .status());

            String request = "GET /espi/1_1/resource/Batch/RetailCustomer/" + customer
                    + "/UsagePoint HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin.authorization() + "\r\n\r\n";
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(2048);
                s.connect(new InetSocketAddress("localhost", server.port()));
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            // Long enough for each stalled answer to fill the buffers and block its writer.
            Thread.sleep(2_000);

            long t = System.nanoTime();
            Api.Reply reply = admin.get("espi/1_1/resource/UsagePoint");
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertEquals(200, reply.status(), reply.body());
            // Held turns would answer 503 after the ten-second queue timeout; a slow machine may still need a moment.
            assertTrue(ms < 5_000, "a reader waited " + ms + " ms behind clients that stopped reading");

            // ReadServiceStatus reads nothing but the token, so it needs no turn: it is answered while a download holds
            // the
            // only one (a client reading at full speed keeps its turn through its quick writes).
            try (Socket download = new Socket("localhost", server.port())) {
                download.getOutputStream()
                        .write(request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                CountDownLatch underWay = new CountDownLatch(1);
                AtomicLong ended = new AtomicLong();
                Thread reader = new Thread(() -> {
                    try (InputStream in = download.getInputStream()) {
                        byte[] buffer = new byte[1 << 16];
                        for (long read = 0, n; (n = in.read(buffer)) >= 0; read += n)
                            if (read > 1 << 20) underWay.countDown();
                    } catch (IOException closed) {
                        // the assertions below say what went wrong
                    }
                    ended.set(System.nanoTime());
                    underWay.countDown();
                });
                reader.start();
                assertTrue(underWay.await(60, TimeUnit.SECONDS), "the download never started");
                Api.Reply status = admin.get("espi/1_1/resource/ReadServiceStatus");
                long answered = System.nanoTime();
                reader.join(120_000);
                assertEquals(200, status.status(), status.body());
                assertTrue(
                        ended.get() != 0 && answered < ended.get(), "ReadServiceStatus waited for the download's turn");
            }
        } finally {
            for (Socket s : stalled) s.close();
            server.stop();
        }
    }
}
