package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.PostgresCluster;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the uber-jar on one empty PostgreSQL, started at the same moment, without the data grid
 * (Hazelcast stays off in the uber-jar): one migrates and seeds while the other waits, and whatever one of them
 * decides, the other honours, because every piece of shared state is in the database.
 */
@OwnServer
class ClusterIT {

    private static final String REDIRECT = "http://127.0.0.1:9/callback";

    @Test
    void twoInstancesOnOneDatabaseAgreeOnCodesRefreshTokensLockoutsAndTheOutbox() throws Exception {
        Path root = Path.of(System.getProperty("it.dataRoot", "target/it-data")).toAbsolutePath();
        try (PostgresCluster pg = PostgresCluster.start(root);
                NotifyReceiver receiver = new NotifyReceiver(0, 204)) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "CUSTODIAN_DB_URL",
                    pg.jdbcUrl(),
                    "CUSTODIAN_DB_USER",
                    PostgresCluster.USER,
                    "CUSTODIAN_DB_PASSWORD",
                    PostgresCluster.PASSWORD,
                    "CUSTODIAN_ADMIN_CLIENT_ID",
                    Api.IT_ADMIN,
                    "CUSTODIAN_ADMIN_CLIENT_SECRET",
                    Api.IT_SECRET));
            env.putAll(Map.of("CUSTODIAN_NOTIFY_POLL_INTERVAL", "PT0.1S", "CUSTODIAN_NOTIFY_FIRST_RETRY", "PT0.2S"));
            ExecutorService starting = Executors.newFixedThreadPool(2);
            Future<UberJarServer> startingA = starting.submit(() -> UberJarServer.start(
                    Files.createDirectories(root.resolve("a-" + UUID.randomUUID())), UberJarServer.testJvm(), env));
            Future<UberJarServer> startingB = starting.submit(() -> UberJarServer.start(
                    Files.createDirectories(root.resolve("b-" + UUID.randomUUID())), UberJarServer.testJvm(), env));
            starting.shutdown();
            UberJarServer a = startingA.get(), b = startingB.get();
            try {
                Api adminA = a.api(Api.IT_ADMIN, Api.IT_SECRET), adminB = b.api(Api.IT_ADMIN, Api.IT_SECRET);
                assertEquals(
                        List.of("alice", "bob", "carol"),
                        adminB.get("admin/customers").array().stream()
                                .map(c -> c.asJsonObject().getString("username"))
                                .toList(),
                        "both started on an empty database; the demo was seeded once");
                String username = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
                String customer = adminA.newCustomer(username);
                assertEquals(
                        201,
                        adminB.upload(customer, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                                .status(),
                        "B sees A's customer");
                ThirdParties.Registered app = ThirdParties.register(
                        adminA,
                        "{\"client_name\":\"Cluster app\",\"redirect_uris\":[\"" + REDIRECT + "\"],"
                                + "\"third_party_notify_uri\":\"" + receiver.uri() + "\",\"scopes\":[\""
                                + ThirdParties.SCOPE + "\"]}");

                String code = ConsentFlow.query(new ConsentFlow(a.base())
                                .consent(
                                        ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "s", null),
                                        username,
                                        "pass-" + username,
                                        "approve",
                                        null,
                                        LocalDate.now().plusMonths(1).toString()))
                        .get("code");
                Api.Reply redeemed = Api.withAuthorization(b.base(), null)
                        .token(
                                app.basic(),
                                "grant_type=authorization_code&code=" + ConsentFlow.enc(code) + "&redirect_uri="
                                        + ConsentFlow.enc(REDIRECT));
                assertEquals(200, redeemed.status(), "a code issued by A is redeemed on B: " + redeemed.body());
                String first = redeemed.json().getString("refresh_token");
                assertEquals(
                        200,
                        Api.withAuthorization(
                                        a.base(), "Bearer " + redeemed.json().getString("access_token"))
                                .get(redeemed.json()
                                        .getString("resourceURI")
                                        .replace(b.base().toString(), a.base().toString()))
                                .status(),
                        "B's token works on A");

                Api.Reply rotated = ThirdParties.refresh(a.base(), app, first);
                assertEquals(200, rotated.status(), rotated.body());
                Api.Reply reused = ThirdParties.refresh(b.base(), app, first);
                assertEquals(400, reused.status(), "a refresh token rotated on A is refused on B");
                assertEquals("invalid_grant", reused.json().getString("error"));
                assertEquals(
                        400,
                        ThirdParties.refresh(a.base(), app, rotated.json().getString("refresh_token"))
                                .status(),
                        "and its reuse ended the family on both");

                for (int i = 0; i < 5; i++) signIn(a, app, username, "not-the-password");
                Api.Reply locked = signIn(b, app, username, "pass-" + username);
                assertEquals(200, locked.status(), "locked out on A, the right password on B is refused too");
                assertTrue(locked.body().contains("Wrong username or password."), locked.body());

                int before = receiver.received().size();
                for (int i = 0; i < 20; i++) {
                    Api.Reply r = (i % 2 == 0 ? adminA : adminB)
                            .postJson(
                                    "admin/notifications",
                                    "{\"kind\":\"application\",\"client_id\":\"" + app.id() + "\"}");
                    assertEquals(202, r.status(), r.body());
                }
                List<NotifyReceiver.Received> got = receiver.await(before + 20, Duration.ofSeconds(60));
                Thread.sleep(2_000);
                assertEquals(
                        before + 20,
                        receiver.received().size(),
                        "both instances drain the outbox, and each notice goes out once");
                assertEquals(
                        before + 20,
                        got.stream()
                                .map(NotifyReceiver.Received::deliveryId)
                                .distinct()
                                .count());
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static Api.Reply signIn(
            UberJarServer server, ThirdParties.Registered app, String username, String password) {
        ConsentFlow flow = new ConsentFlow(server.base());
        return flow.signIn(
                ConsentFlow.handle(
                        flow.authorize(ThirdParties.authorizeQuery(app, REDIRECT, ThirdParties.SCOPE, "s", null))),
                username,
                password);
    }
}
