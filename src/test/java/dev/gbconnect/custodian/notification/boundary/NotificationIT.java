package dev.gbconnect.custodian.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Notices;
import dev.gbconnect.custodian.testsupport.NotifyReceiver;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notices pushed to third parties, received by real HTTP endpoints on loopback. arquillian.xml makes the sender
 * quick: retries after 0.2 to 0.5 s, 3 attempts, 3 s to answer, leases of 1 s. Every BatchList is validated against
 * greenbutton.xsd, and the URIs it lists are fetched with the third party's own token.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long DAY = 86_400;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    private Api admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = new Api(url.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
    }

    @Test
    void uploadWhenTheReceiverFailsFirstThenEachNoticeArrivesInOrderAndListsExactlyTheNewData() throws Exception {
        try (NotifyReceiver receiver = new NotifyReceiver(2, 204)) {
            ThirdParties.Registered app = register(receiver);
            String customer =
                    admin.newCustomer("notify-" + UUID.randomUUID().toString().substring(0, 8));
            long start = recent();
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(start, 3))
                            .status());
            JsonObject token = ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, null);
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(start, 5))
                            .status(),
                    "two more days of readings");

            List<NotifyReceiver.Received> got = receiver.await(4, WAIT);
            String authorizationId = got.get(0).deliveryId();
            assertEquals(
                    List.of(authorizationId, authorizationId, authorizationId),
                    got.subList(0, 3).stream()
                            .map(NotifyReceiver.Received::deliveryId)
                            .toList(),
                    "the Authorization's notice is sent again, with the same id, until it is taken");
            assertTrue(!got.get(3).deliveryId().equals(authorizationId), "then, and only then, the data notice");
            assertEquals(
                    List.of(token.getString("authorizationURI")),
                    Atom.valid(got.get(0).body()).texts("/espi:BatchList/espi:resources"));

            List<String> data = Atom.valid(got.get(3).body()).texts("/espi:BatchList/espi:resources");
            assertEquals(1, data.size(), data.toString());
            String subscription = token.getString("resourceURI");
            assertEquals(
                    subscription + "?published-min=" + Instant.ofEpochSecond(start + 3 * DAY) + "&published-max="
                            + Instant.ofEpochSecond(start + 5 * DAY),
                    data.get(0),
                    "bounds around the two new days");
            Atom batch = Atom.valid(Api.withAuthorization(admin.base(), "Bearer " + token.getString("access_token"))
                    .get(data.get(0))
                    .body());
            assertEquals(
                    List.of(String.valueOf(start + 3 * DAY), String.valueOf(start + 4 * DAY)),
                    batch.texts("//espi:IntervalBlock/espi:interval/espi:start"),
                    "the new blocks and no others");

            List<JsonObject> listed = notices("client_id=" + app.id());
            assertEquals(
                    List.of("delivered", "delivered"),
                    listed.stream().map(n -> n.getString("state")).toList());
            assertEquals(
                    List.of("data", "authorization"),
                    listed.stream().map(n -> n.getString("kind")).toList(),
                    "newest first");
            assertEquals(3, listed.get(1).getInt("attempts"));
            assertEquals("HTTP 503", listed.get(1).getString("last_error"), "the last failure stays on record");
            assertEquals(1, listed.get(0).getInt("attempts"));
        }
    }

    @Test
    void uploadWhenOnlyAUsagePointOutsideTheSubscriptionChangesThenNoDataNotice() throws Exception {
        try (NotifyReceiver receiver = new NotifyReceiver(0, 204)) {
            ThirdParties.Registered app = register(receiver);
            String customer =
                    admin.newCustomer("notify-" + UUID.randomUUID().toString().substring(0, 8));
            long start = recent();
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(start, 1, "meter", "other"))
                            .status());
            String covered = admin.inventory(customer).stream()
                    .map(JsonObject.class::cast)
                    .filter(u -> u.getString("title").endsWith(" meter"))
                    .findFirst()
                    .orElseThrow()
                    .getString("id");
            JsonObject token = ThirdParties.offlineToken(admin, app, customer, ThirdParties.SCOPE, List.of(covered));
            receiver.await(1, WAIT);

            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(start + DAY, 1, "other"))
                            .status(),
                    "a new day for the usage point the Subscription leaves out");
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(start + 2 * DAY, 1, "meter"))
                            .status(),
                    "a new day for the one it covers");

            List<NotifyReceiver.Received> got = receiver.await(2, WAIT);
            assertEquals(
                    List.of(token.getString("resourceURI") + "?published-min=" + Instant.ofEpochSecond(start + 2 * DAY)
                            + "&published-max=" + Instant.ofEpochSecond(start + 3 * DAY)),
                    Atom.valid(got.get(1).body()).texts("/espi:BatchList/espi:resources"),
                    "the covered usage point's day only");
            assertEquals(
                    List.of("data", "authorization"),
                    notices("client_id=" + app.id()).stream()
                            .map(n -> n.getString("kind"))
                            .toList(),
                    "no notice for the other usage point's day");
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsRetriedThenDeadLetteredWithoutDelayingOthersAndTheAdminCanRetryIt()
            throws Exception {
        try (NotifyReceiver silent = new NotifyReceiver(0, 0);
                NotifyReceiver healthy = new NotifyReceiver(0, 200)) {
            ThirdParties.Registered slow = register(silent), quick = register(healthy);
            long dead = requested("application", slow.id());
            silent.await(1, WAIT);
            requested("application", quick.id());
            healthy.await(1, WAIT);
            JsonObject stillFirst = Notices.one(admin, dead);
            assertEquals(
                    "pending",
                    stillFirst.getString("state"),
                    "the quick third party got its notice while the slow one's first attempt hung");
            assertEquals(1, stillFirst.getInt("attempts"));

            JsonObject failed = Notices.awaitState(admin, dead, "dead", WAIT);
            assertEquals(3, failed.getInt("attempts"));
            assertTrue(failed.getString("last_error").startsWith("no answer within PT3S"), failed.toString());
            assertTrue(
                    notices("state=dead").stream()
                            .anyMatch(n -> n.getJsonNumber("id").longValue() == dead),
                    "listed as dead");
            assertEquals(3, silent.received().size(), "no attempt after the last");
            String metrics = Api.withAuthorization(admin.base(), null)
                    .get("metrics")
                    .body(); // the application's own (platform/Metrics), below its context root
            assertTrue(
                    metrics.lines()
                            .anyMatch(l -> l.startsWith("custodian_notifications{state=\"dead\"}")
                                    && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1),
                    "dead notices show on /metrics for alerting:\n" + metrics);

            silent.answer(202);
            Api.Reply retried = admin.postJson("admin/notifications/" + dead + "/retry", "");
            assertEquals(200, retried.status(), retried.body());
            List<NotifyReceiver.Received> all = silent.await(4, WAIT);
            assertEquals(
                    1,
                    all.stream()
                            .map(NotifyReceiver.Received::deliveryId)
                            .distinct()
                            .count(),
                    "one id across every attempt");
            JsonObject delivered = Notices.awaitState(admin, dead, "delivered", WAIT);
            assertEquals(1, delivered.getInt("attempts"), "counted afresh after the retry");
            assertEquals(
                    409,
                    admin.postJson("admin/notifications/" + dead + "/retry", "").status(),
                    "a delivered notice is not sent again");
        }
    }

    @Test
    void aLeaseThatRunsOutWhileTheReceiverIsStillAnsweringDoesNotSendTheNoticeAgain() throws Exception {
        try (NotifyReceiver slow = new NotifyReceiver(0, 204)) {
            slow.answerAfter(Duration.ofMillis(1_800)); // arquillian.xml: leases of 1 s, a look every 0.2 s
            long sent = requested("application", register(slow).id());
            JsonObject delivered = Notices.awaitState(admin, sent, "delivered", WAIT);
            assertEquals(1, delivered.getInt("attempts"), delivered.toString());
            assertEquals(1, slow.received().size(), "sent once: this instance is still waiting for the answer");
        }
    }

    @Test
    void aRedirectIsAFailureNotFollowedAndBulkScopesAreNotifiedOfTheirBulkBatch() throws Exception {
        String bulkScope = "FB=1_3_4_5_13_14_15;IntervalDuration=900;BR=9";
        try (NotifyReceiver receiver = new NotifyReceiver(0, 302)) {
            ThirdParties.Registered app =
                    ThirdParties.register(admin, ThirdParties.registration("Bulk app", receiver.uri(), bulkScope));
            String customer =
                    admin.newCustomer("notify-" + UUID.randomUUID().toString().substring(0, 8));
            long start = recent();
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(start, 2))
                            .status());
            ThirdParties.offline(admin, app, customer, bulkScope, null);
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(start, 3))
                            .status());

            receiver.await(6, WAIT);
            List<JsonObject> listed = notices("client_id=" + app.id());
            for (JsonObject n : listed) {
                JsonObject dead =
                        Notices.awaitState(admin, n.getJsonNumber("id").longValue(), "dead", WAIT);
                assertEquals("HTTP 302 to " + receiver.uri() + "?moved, not followed", dead.getString("last_error"));
            }
            assertEquals(
                    6,
                    receiver.received().size(),
                    "three attempts each, and no request to where the redirects pointed");

            receiver.answer(204);
            long data = listed.get(0).getJsonNumber("id").longValue();
            assertEquals(
                    200,
                    admin.postJson("admin/notifications/" + data + "/retry", "").status());
            List<String> uris =
                    Atom.valid(receiver.await(7, WAIT).get(6).body()).texts("/espi:BatchList/espi:resources");
            String bulk = admin.base() + "espi/1_1/resource/Batch/Bulk/9";
            assertEquals(
                    List.of(bulk + "?published-min=" + Instant.ofEpochSecond(start + 2 * DAY) + "&published-max="
                            + Instant.ofEpochSecond(start + 3 * DAY)),
                    uris,
                    "the bulk batch, bounded to the new day");
            String backOffice = Api.withAuthorization(admin.base(), null)
                    .token(app.basic(), "grant_type=client_credentials&scope=ThirdParty_Admin_Access")
                    .json()
                    .getString("access_token");
            Atom batch = Atom.valid(Api.withAuthorization(admin.base(), "Bearer " + backOffice)
                    .get(uris.get(0))
                    .body());
            assertEquals(
                    List.of(String.valueOf(start + 2 * DAY)),
                    batch.texts("//espi:IntervalBlock/espi:interval/espi:start"));
        }
    }

    @Test
    void authorizationAndRegistrationChangesAndAdminRequestsEachNotify() throws Exception {
        try (NotifyReceiver receiver = new NotifyReceiver(0, 200)) {
            ThirdParties.Registered app = register(receiver);
            String customer =
                    admin.newCustomer("notify-" + UUID.randomUUID().toString().substring(0, 8));
            assertEquals(
                    201,
                    admin.upload(customer, "application/atom+xml", days(recent(), 1))
                            .status());
            JsonObject first = ThirdParties.offline(admin, app, customer, ThirdParties.SCOPE, null);
            JsonObject second = ThirdParties.offline(admin, app, customer, ThirdParties.SCOPE, null);
            String ended = first.getString("authorizationURI");
            assertEquals(204, admin.delete(ended).status());
            Api.Reply changed = admin.putJson(
                    "oauth/register/" + app.id(), ThirdParties.registration("Renamed app", receiver.uri()));
            assertEquals(200, changed.status(), changed.body());
            String applicationUri = URI.create(ended)
                    .resolve("../ApplicationInformation/" + app.id())
                    .toString();

            assertEquals(
                    1,
                    admin.postJson("admin/notifications", "{\"kind\":\"data\",\"client_id\":\"" + app.id() + "\"}")
                            .array()
                            .size());
            assertEquals(
                    1,
                    admin.postJson(
                                    "admin/notifications",
                                    "{\"kind\":\"authorization\",\"client_id\":\"" + app.id() + "\"}")
                            .array()
                            .size());
            assertTrue(
                    admin.postJson("admin/notifications", "{\"kind\":\"application\"}").array().stream()
                            .anyMatch(
                                    n -> n.asJsonObject().getString("client_id").equals(app.id())),
                    "no client_id: every third party");

            List<List<String>> bodies = receiver.await(7, WAIT).stream()
                    .map(r -> Atom.valid(r.body()).texts("/espi:BatchList/espi:resources"))
                    .toList();
            assertEquals(
                    List.of(
                            List.of(ended),
                            List.of(second.getString("authorizationURI")),
                            List.of(ended),
                            List.of(applicationUri),
                            List.of(second.getString("resourceURI")),
                            List.of(second.getString("authorizationURI")),
                            List.of(applicationUri)),
                    bodies,
                    "created, created, ended, registration changed, then the three requested kinds, in order");

            Api.Reply badKind = admin.postJson("admin/notifications", "{\"kind\":\"everything\"}");
            assertEquals(400, badKind.status());
            assertTrue(
                    badKind.body().contains("kind must be one of [data, authorization, application]"), badKind.body());
            assertEquals(
                    404,
                    admin.postJson("admin/notifications", "{\"kind\":\"data\",\"client_id\":\"no-such-client\"}")
                            .status());
            assertEquals(400, admin.get("admin/notifications?state=lost").status());
            Api.Reply anonymous = Api.withAuthorization(admin.base(), null).get("admin/notifications");
            assertEquals(401, anonymous.status(), "the outbox is the data custodian's alone");
        }
    }

    private ThirdParties.Registered register(NotifyReceiver receiver) {
        return ThirdParties.notified(admin, "Notified app", receiver.uri());
    }

    /** A UTC midnight well inside the test scope's HistoryLength. */
    private static long recent() {
        return LocalDate.now(ZoneOffset.UTC)
                .minusDays(20)
                .atStartOfDay(ZoneOffset.UTC)
                .toEpochSecond();
    }

    /** Days of 15-minute readings for one electric meter, the same readings for the same days in every file. */
    private static byte[] days(long start, int days) throws Exception {
        return days(start, days, "meter");
    }

    /** {@code days} days of 15-minute readings for electric meters of these names. */
    private static byte[] days(long start, int days, String... meters) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GreenButtonGenerator.write(
                out,
                new GreenButtonGenerator.Plan(
                        Arrays.stream(meters)
                                .map(m -> new GreenButtonGenerator.Point(m, GreenButtonGenerator.Kind.ELECTRIC, 42))
                                .toList(),
                        start,
                        days,
                        900));
        return out.toByteArray();
    }

    private long requested(String kind, String clientId) {
        Api.Reply r =
                admin.postJson("admin/notifications", "{\"kind\":\"" + kind + "\",\"client_id\":\"" + clientId + "\"}");
        assertEquals(202, r.status(), r.body());
        return r.array().getJsonObject(0).getJsonNumber("id").longValue();
    }

    private List<JsonObject> notices(String query) {
        Api.Reply r = admin.get("admin/notifications?" + query);
        assertEquals(200, r.status(), r.body());
        return r.array().stream().map(v -> v.asJsonObject()).collect(Collectors.toList());
    }
}
