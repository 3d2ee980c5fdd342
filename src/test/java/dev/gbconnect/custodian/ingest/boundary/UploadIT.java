package dev.gbconnect.custodian.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Shared;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The upload over HTTP against the packaged WAR on Payara Micro and Derby: every sample, every kind of bad input,
 * and the proof that a refused upload leaves the database as it was.
 */
@ExtendWith(ArquillianExtension.class)
class UploadIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL base;

    Api admin() throws Exception {
        return new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
    }

    String customer() throws Exception {
        return admin().newCustomer("c-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** UsagePoints, IntervalBlocks and IntervalReadings as ../shared/samples/README.md gives them. */
    record Expected(String file, int usagePoints, int blocks, int readings) {}

    static final List<Expected> VALID = List.of(
            new Expected(
                    "gba-sample-data/Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml", 1, 12, 8760),
            new Expected(
                    "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml",
                    1,
                    365,
                    8760),
            new Expected("gba-sample-data/TestGBDataOneYearDailyBinnedMonthly.xml", 1, 15, 444),
            new Expected("openespi/test_usage_data.xml", 1, 14, 1340),
            new Expected("datasdk/1hrLP_32DaysFiveUsagePoints_M.xml", 5, 160, 3840),
            new Expected("datasdk/BatchFeedThreeUsagePoints_M.xml", 3, 4, 384),
            new Expected("datasdk/Gas.xml", 1, 13, 13),
            new Expected("datasdk/Water.xml", 1, 2, 2),
            new Expected("synthetic/synthetic_batch_subscription_usagesummary.xml", 1, 1, 4));

    @Test
    void uploadWhenValidSampleThenStoredCountsMatchTheReadme() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Expected e : VALID) {
            String id = customer();
            Api.Reply r = admin().upload(id, Shared.sample(e.file()));
            checks.add(() -> {
                assertEquals(201, r.status(), e.file() + ": " + r.body());
                JsonObject report = r.json();
                assertEquals(e.usagePoints(), created(report, "UsagePoint"), e.file());
                assertEquals(e.blocks(), created(report, "IntervalBlock"), e.file());
                assertEquals(e.readings(), report.getJsonObject("readings").getInt("created"), e.file());
                JsonArray stored = admin().inventory(id);
                assertEquals(e.usagePoints(), stored.size(), e.file());
                assertEquals(
                        e.blocks(), sum(stored, t -> t.getJsonNumber("blocks").longValue()), e.file());
                assertEquals(
                        e.readings(),
                        sum(stored, t -> t.getJsonNumber("readings").longValue()),
                        e.file());
                stored.forEach(up -> up.asJsonObject()
                        .getJsonArray("meterReadings")
                        .forEach(mr -> assertNotNull(
                                mr.asJsonObject().get("readingType"),
                                e.file() + ": every MeterReading has its ReadingType")));
            });
        }
        assertAll(checks);
    }

    @Test
    void uploadWhenSameFileTwiceThenSecondChangesNothing() throws Exception {
        String id = customer();
        var file = Shared.sample("openespi/test_usage_data.xml");
        assertEquals(201, admin().upload(id, file).status());
        String before = admin().inventory(id).toString();

        Api.Reply again = admin().upload(id, file);

        assertEquals(200, again.status(), again.body());
        JsonObject report = again.json();
        report.getJsonObject("resources").values().forEach(c -> {
            assertEquals(0, c.asJsonObject().getInt("created"));
            assertEquals(0, c.asJsonObject().getInt("updated"));
        });
        assertEquals(1340, report.getJsonObject("readings").getInt("unchanged"));
        assertEquals(before, admin().inventory(id).toString(), "ids, counts and totals are the same");
    }

    @Test
    void uploadWhenChangedValuesThenUpdatedInPlace() throws Exception {
        String id = customer();
        String xml = Files.readString(Shared.sample("datasdk/Gas.xml"));
        assertEquals(
                201,
                admin().upload(id, "application/xml", xml.getBytes(StandardCharsets.UTF_8))
                        .status());
        long total = sum(admin().inventory(id), t -> t.getJsonNumber("valueSum").longValue());
        int at = xml.indexOf("<value>") + "<value>".length();
        int end = xml.indexOf("</value>", at);
        long old = Long.parseLong(xml.substring(at, end).strip());
        String changed = xml.substring(0, at) + (old + 1000) + xml.substring(end);

        Api.Reply r = admin().upload(id, "application/xml", changed.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, r.status(), r.body());
        assertEquals(
                1,
                r.json()
                        .getJsonObject("resources")
                        .getJsonObject("IntervalBlock")
                        .getInt("updated"));
        assertEquals(1, r.json().getJsonObject("readings").getInt("updated"));
        assertEquals(1, admin().inventory(id).size(), "no duplicate usage point");
        assertEquals(
                total + 1000,
                sum(admin().inventory(id), t -> t.getJsonNumber("valueSum").longValue()));
    }

    @Test
    void uploadWhenInvalidSampleThenEveryProblemNamedAndNothingStored() throws Exception {
        String[][] invalid = {
            {"gba-sample-data/TestGBDataHourlyNineDaysBinnedDaily.xml", "ServiceDeliveryPoint"},
            {"datasdk/1hrLP_32Days_Additional2_M.xml", "costAdditionalDetailLastPeriod"},
            {"openespi/Usage-Subscription-Feed-Anonymized.xml", "ReadingType"},
            {"openespi/Customer-Subscription-Feed-Anonymized.xml", "status"},
            {"real-world/ngma_natural_gas_billing_billing_data_Service_1_1_2021-05-26_to_2024-04-25.xml", "2024-06-21"},
            {"real-world/ngma_gas_provider_2024-07-16.xml", "1721154384.66136"},
            {"openespi/ApplicationInformation-Entry-Anonymized.xml", "Atom feed"},
            {"openespi/Multiple-Authorization-Feed-Anonymized.xml", "Authorization"}
        };
        List<Executable> checks = new ArrayList<>();
        for (String[] sample : invalid) {
            String id = customer();
            Api.Reply r = admin().upload(id, Shared.sample(sample[0]));
            checks.add(() -> assertRejected(r, 400, sample[1], id));
        }
        assertAll(checks);
    }

    @Test
    void uploadWhenProblemNearTheEndThenEarlierEntriesAreNotKept() throws Exception {
        String id = customer();
        assertEquals(
                201,
                admin().upload(id, Shared.sample("datasdk/1hrLP_32DaysFiveUsagePoints_M.xml"))
                        .status());
        String before = admin().inventory(id).toString();
        String xml = Files.readString(Shared.sample(
                "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml"));
        int last = xml.lastIndexOf("<value>");
        String broken = xml.substring(0, last) + "<value>not-a-number" + xml.substring(xml.indexOf("</value>", last));

        Api.Reply r = admin().upload(id, "application/atom+xml", broken.getBytes(StandardCharsets.UTF_8));

        assertRejected(r, 400, "not-a-number", null);
        assertEquals(
                before, admin().inventory(id).toString(), "the 364 good days before the bad value were rolled back");
    }

    @Test
    void uploadWhenHostilePayloadThenRefusedWithoutExpansion() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><id>&xxe;</id></feed>""";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>&lol9;</id></feed>");
        for (String payload : List.of(xxe, laughs.toString())) {
            String id = customer();
            Api.Reply r = admin().upload(id, "application/atom+xml", payload.getBytes(StandardCharsets.UTF_8));
            assertRejected(r, 400, "DOCTYPE", id);
            assertTrue(!r.body().contains("root:"), "no file content leaks");
        }
    }

    @Test
    void uploadWhenMalformedThenLineAndColumnGiven() throws Exception {
        String id = customer();
        byte[] file = Files.readAllBytes(Shared.sample("datasdk/Water.xml"));
        byte[] truncated = java.util.Arrays.copyOf(file, file.length / 2);
        assertRejected(admin().upload(id, "application/xml", truncated), 400, "", id);

        byte[] wrongNamespace = new String(file, StandardCharsets.UTF_8)
                .replace("xmlns=\"http://www.w3.org/2005/Atom\"", "xmlns=\"http://www.w3.org/2005/Atom-not\"")
                .getBytes(StandardCharsets.UTF_8);
        assertRejected(admin().upload(id, "application/xml", wrongNamespace), 400, "Atom-not", id);

        assertRejected(
                admin().upload(id, "application/xml", "not xml at all".getBytes(StandardCharsets.UTF_8)), 400, "", id);
        assertRejected(admin().upload(id, "application/xml", new byte[0]), 400, "", id);
    }

    @Test
    void uploadWhenDuplicateEntryThenRejected() throws Exception {
        String id = customer();
        String xml = Files.readString(Shared.sample("synthetic/synthetic_batch_subscription_usagesummary.xml"));
        int start = xml.indexOf("<entry>"), end = xml.indexOf("</entry>") + "</entry>".length();
        String twice = xml.substring(0, end) + xml.substring(start, end) + xml.substring(end);

        assertRejected(
                admin().upload(id, "application/atom+xml", twice.getBytes(StandardCharsets.UTF_8)),
                400,
                "duplicate entry",
                id);
    }

    @Test
    void uploadWhenAtomValuesExceedWhatIsStoredThenRejectedNot500() throws Exception {
        String id = customer();
        String xml = Files.readString(Shared.sample("datasdk/Gas.xml"));
        int title = xml.indexOf("<title>", xml.indexOf("<entry>")) + "<title>".length();
        String longTitle = xml.substring(0, title) + "t".repeat(600) + xml.substring(xml.indexOf("</title>", title));

        assertRejected(
                admin().upload(id, "application/atom+xml", longTitle.getBytes(StandardCharsets.UTF_8)),
                400,
                "title has 6",
                id);
    }

    @Test
    void uploadWhenWrongContentTypeThen415() throws Exception {
        String id = customer();
        Api.Reply r = admin().upload(id, "text/plain", Files.readAllBytes(Shared.sample("datasdk/Gas.xml")));
        assertRejected(r, 415, "text/plain", id);
    }

    /** Issue 14: without a Content-Type the upload was read and stored, though upload.md promises 415. */
    @Test
    void uploadWhenNoContentTypeThen415AndNothingStored() throws Exception {
        String id = customer();
        Api.Reply r = admin().upload(id, null, Files.readAllBytes(Shared.sample("datasdk/Gas.xml")));
        assertRejected(r, 415, "Content-Type", id);
        assertEquals("unsupported_media_type", r.json().getString("error"));
    }

    /**
     * Issue 14: an interval start near the 64-bit limit is valid ESPI (TimeType is xs:long) but made a
     * DateTimeException and 500; a zone offset of years passed and broke the usage totals later.
     */
    @Test
    void uploadWhenTimesBeyondWhatIsKeptThen400NamingThem() throws Exception {
        String xml = Files.readString(Shared.sample("datasdk/Gas.xml"));
        int interval = xml.indexOf("<start>", xml.indexOf("<interval>")) + "<start>".length();
        String farStart =
                xml.substring(0, interval) + "9223372036854775000" + xml.substring(xml.indexOf("<", interval));
        int tz = xml.indexOf("<tzOffset>") + "<tzOffset>".length();
        String farZone = xml.substring(0, tz) + "-9223372036854775808" + xml.substring(xml.indexOf("<", tz));
        String farDate = xml.replaceFirst("<published>\\d{4}", "<published>12024");

        String id = customer();
        assertRejected(
                admin().upload(id, "application/atom+xml", farStart.getBytes(StandardCharsets.UTF_8)),
                400,
                "start 9223372036854775000 is outside",
                id);
        assertRejected(
                admin().upload(id, "application/atom+xml", farZone.getBytes(StandardCharsets.UTF_8)),
                400,
                "tzOffset -9223372036854775808",
                id);
        assertRejected(
                admin().upload(id, "application/atom+xml", farDate.getBytes(StandardCharsets.UTF_8)),
                400,
                "outside the years 1 to 9999",
                id);
    }

    @Test
    void uploadWhenOverTheLimitThen413WithOrWithoutContentLength() throws Exception {
        String id = customer();
        byte[] file = Files.readAllBytes(Shared.sample(
                "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml"));
        // many short comments: one long one is refused at GreenButtonReader.MAX_TEXT, before the size limit
        String padded = new String(file, StandardCharsets.UTF_8) + ("<!--" + "x".repeat(100) + "-->").repeat(12_000);
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);

        assertRejected(admin().upload(id, "application/xml", body), 413, "3000000", id);
        assertRejected(admin().uploadChunked(id, body), 413, "3000000", id);
    }

    @Test
    void uploadWhenUnknownCustomerThen404() throws Exception {
        Api.Reply r = admin().upload("no-such-customer", Shared.sample("datasdk/Gas.xml"));
        assertEquals(404, r.status());
        assertTrue(r.json().getString("message").contains("no-such-customer"), r.body());
    }

    @Test
    void uploadWhenNoValidBearerTokenThen401AndNothingStored() throws Exception {
        String id = customer();
        for (String authorization : Arrays.asList("Bearer not-a-token", Api.basic(Api.IT_ADMIN, Api.IT_SECRET), null)) {
            Api.Reply r =
                    Api.withAuthorization(base.toURI(), authorization).upload(id, Shared.sample("datasdk/Gas.xml"));
            assertEquals(401, r.status(), r.body());
            assertTrue(
                    r.header("WWW-Authenticate").startsWith("Bearer realm=\"custodian\""),
                    r.header("WWW-Authenticate"));
            assertEquals(
                    authorization == null || authorization.startsWith("Basic") ? "invalid_request" : "invalid_token",
                    r.json().getString("error"));
        }
        assertEquals(0, admin().inventory(id).size());
    }

    @Test
    void customersWhenCreatedThenListedDisabledAndDuplicateRefused() throws Exception {
        String name = "dana-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply created = admin().postJson(
                        "admin/customers",
                        "{\"username\":\"" + name + "\",\"password\":\"s3cret-pass\",\"name\":\"Dana\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertTrue(created.header("Location").endsWith("/admin/customers/" + id));
        assertTrue(
                !created.body().contains("s3cret") && !created.body().contains("password"),
                "no password or hash echoed");

        assertEquals(
                409,
                admin().postJson("admin/customers", "{\"username\":\"" + name + "\",\"password\":\"other-pass\"}")
                        .status());
        assertTrue(admin().get("admin/customers").array().stream()
                .anyMatch(c -> c.asJsonObject().getString("id").equals(id)));

        Api.Reply disabled = admin().patchJson("admin/customers/" + id, "{\"enabled\":false}");
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(
                JsonValue.FALSE, admin().get("admin/customers/" + id).json().get("enabled"));

        assertEquals(
                400,
                admin().postJson("admin/customers", "{\"username\":\"x\",\"password\":\"long-enough\"}")
                        .status());
        assertEquals(
                400,
                admin().postJson("admin/customers", "{\"username\":\"short-pass\",\"password\":\"abc\"}")
                        .status());
        assertEquals(400, admin().postJson("admin/customers", "{not json").status());
        assertEquals(404, admin().get("admin/customers/nobody").status());
        assertEquals(
                401,
                Api.withAuthorization(base.toURI(), null).get("admin/customers").status());
    }

    @Test
    void operatorEndpointsWhenDatabaseUpThenReadyAndDescribed() throws Exception {
        Api anonymous = new Api(base.toURI(), null, null);
        Api.Reply ready = anonymous.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        Api.Reply openapi = anonymous.get("openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/admin/customers")
                && openapi.body().contains("/Batch/RetailCustomer/{retailCustomerId}/UsagePoint"));
        Api.Reply missing = anonymous.get("no/such/path");
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.json().getString("error"));
    }

    private void assertRejected(Api.Reply r, int status, String named, String customerWithNothingStored)
            throws Exception {
        assertEquals(status, r.status(), r.body());
        JsonObject body = r.json();
        String all = body.getString("message")
                + (body.containsKey("problems") ? body.getJsonArray("problems").toString() : "");
        assertTrue(all.contains(named), () -> "expected the error to name '" + named + "': " + r.body());
        assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), "no stack trace: " + r.body());
        if (status == 400 && body.containsKey("problems")) {
            body.getJsonArray("problems")
                    .getValuesAs(jakarta.json.JsonString.class)
                    .forEach(p -> assertTrue(
                            p.getString().matches("(?s)\\d+:\\d+: .+"), "line:column: message, got " + p.getString()));
        }
        if (customerWithNothingStored != null) {
            assertEquals(0, admin().inventory(customerWithNothingStored).size(), "nothing stored");
        }
    }

    private static int created(JsonObject report, String kind) {
        JsonObject c = report.getJsonObject("resources").getJsonObject(kind);
        return c == null ? 0 : c.getInt("created");
    }

    private static long sum(JsonArray usagePoints, Function<JsonObject, Long> totals) {
        long sum = 0;
        for (JsonValue up : usagePoints) {
            for (JsonValue mr : up.asJsonObject().getJsonArray("meterReadings")) {
                sum += totals.apply(mr.asJsonObject().getJsonObject("totals"));
            }
        }
        return sum;
    }
}
