package dev.gbconnect.custodian.retail.boundary;

import static dev.gbconnect.custodian.retail.boundary.RetailCustomerInfoIT.R;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a customer and the data custodian choose about customer information (issue 17), over HTTP against the shared
 * server: Download My Data with personal information only when ticked, a ServiceLocation that serves several
 * UsagePoints naming only the chosen ones, and the admin's request for a notice of a customer's information.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerInfoChoicesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    /**
     * Built once: a customer with three UsagePoints; customer information whose first ServiceLocation serves the
     * first and the third, and whose second ServiceLocation (with its own Meter) the second.
     */
    record Fixture(Api admin, String username, String rc, List<String> points) {}

    private static Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        if (f != null) return;
        Api admin = new Api(url.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
        Api uploader = Api.withAuthorization(url.toURI(), RetailCustomerInfoIT.token(admin, "Upload_Admin_Access"));
        String username = "rc-ch-" + UUID.randomUUID().toString().substring(0, 8);
        String rc = admin.newCustomer(username);
        assertEquals(
                201,
                uploader.upload(rc, Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml"))
                        .status());
        List<String> points = admin.inventory(rc).stream()
                .map(p -> p.asJsonObject().getString("id"))
                .toList();
        String served = "UsagePoint/" + points.get(0) + "</cust:UsagePoint>";
        String info = new String(
                        RetailCustomerInfoIT.twoLocations(points.get(0), points.get(1)), StandardCharsets.UTF_8)
                .replace(
                        served,
                        served + "\n          <cust:UsagePoint>https://localhost:8080/DataCustodian/espi/1_1/"
                                + "resource/RetailCustomer/9B6C7071/UsagePoint/" + points.get(2)
                                + "</cust:UsagePoint>");
        Api.Reply r = RetailCustomerInfoIT.upload(uploader, rc, info.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.status(), r.body());
        f = new Fixture(admin, username, rc, points);
    }

    private static Atom ok(Api.Reply r, String what) {
        return RetailCustomerInfoIT.ok(r, what);
    }

    /** The customer's whole tree as the data custodian reads it: both locations, each naming what it serves. */
    private static Atom all() {
        Api custodian = Api.withAuthorization(
                f.admin().base(), RetailCustomerInfoIT.token(f.admin(), "DataCustodian_Admin_Access"));
        return ok(custodian.get(R + "Batch/RetailCustomer/" + f.rc()), "the custodian's batch");
    }

    @Test
    void serviceLocationWhenConsentChoseOneOfItsUsagePointsThenTheOthersIdAppearsNowhere() throws Exception {
        Atom custodian = all();
        assertEquals(3, custodian.count("//cust:ServiceLocation/cust:UsagePoints/cust:UsagePoint"));
        ThirdParties.Registered app = ThirdParties.register(
                f.admin(), ThirdParties.registration("Location app", ThirdParties.NOTIFY, ThirdParties.PERSONAL_SCOPE));
        JsonObject token = ThirdParties.offlineToken(
                f.admin(),
                app,
                f.rc(),
                ThirdParties.PERSONAL_SCOPE,
                List.of(f.points().get(0)));
        Api granted = RetailCustomerInfoIT.bearer(f.admin().base(), token);
        String hidden = f.points().get(2), batch = R + "Batch/RetailCustomer/" + f.rc();

        Api.Reply tree = granted.get(batch);
        Atom shared = ok(tree, batch);
        String location = shared.text("//atom:entry[atom:content/cust:ServiceLocation]/atom:link[@rel='self']/@href");
        Api.Reply entry =
                granted.get(f.admin().base().relativize(URI.create(location)).toString());

        assertAll(
                () -> assertEquals(1, shared.count("//cust:ServiceLocation"), "only the chosen one's location"),
                () -> assertEquals(
                        List.of(f.points().get(0)),
                        shared.texts("//cust:ServiceLocation/cust:UsagePoints/cust:UsagePoint").stream()
                                .map(u -> u.substring(u.lastIndexOf('/') + 1))
                                .toList()),
                () -> assertFalse(tree.body().contains(hidden), "the unchosen UsagePoint's id in the batch"),
                () -> assertFalse(entry.body().contains(hidden), "the unchosen UsagePoint's id in the entry"),
                () -> assertTrue(
                        ok(entry, location)
                                .texts("//atom:link[@rel='related']/@href")
                                .contains(f.admin().base() + R + "UsagePoint/"
                                        + f.points().get(0)),
                        entry.body()),
                () -> assertEquals(
                        1,
                        custodian.count("//atom:link[@href='" + f.admin().base() + R + "UsagePoint/" + hidden + "']"),
                        "the data custodian still sees every UsagePoint"));
    }

    @Test
    void downloadMyDataWhenPersonalInformationTickedThenOneValidFeedWithTheChosenLocationsInformationAndElseNone() {
        ConsentFlow portal = ConsentFlow.portal(f.admin().base(), f.username());
        String page = portal.get("portal").body();
        String query = "portal/download?usage_point=" + f.points().get(0) + "&from=2012-03-03&to=2012-03-04&format=";
        String hidden = f.points().get(2);

        Api.Reply with = portal.get(query + "xml&personal=on");
        Atom both = ok(with, "with personal information");
        Atom without = ok(portal.get(query + "xml"), "without");

        assertAll(
                () -> assertTrue(
                        page.contains("<input type=\"checkbox\" id=\"personal\" name=\"personal\"> include my personal"
                                + " information (name, address, account and meter numbers)"),
                        "unticked by default: " + page),
                () -> assertEquals(1, both.count("//espi:UsagePoint"), "the usage half"),
                () -> assertEquals(without.count("//espi:IntervalReading"), both.count("//espi:IntervalReading")),
                () -> assertEquals(
                        Set.of(
                                "Customer",
                                "CustomerAccount",
                                "Statement",
                                "CustomerAgreement",
                                "ServiceSupplier",
                                "ProgramDateIdMappings",
                                "ServiceLocation",
                                "Meter",
                                "EndDevice"),
                        Set.copyOf(both.elements("//atom:content/cust:*").stream()
                                .map(e -> e.getLocalName())
                                .toList())),
                () -> assertEquals(1, both.count("//cust:ServiceLocation"), "the chosen usage point's location only"),
                () -> assertEquals(1, both.count("//cust:Meter"), "not the other location's Meter"),
                () -> assertFalse(with.body().contains(hidden), "nor another usage point's id"),
                () -> assertEquals(0, without.count("//cust:*"), "unticked: no personal information"),
                () -> assertEquals(400, portal.get(query + "csv&personal=on").status(), "CSV holds usage only"),
                () -> assertEquals(400, portal.get(query + "xml&personal=yes").status()));
    }

    @Test
    void notificationRequestWhenForACustomersInformationThenOnlyThirdPartiesHoldingTheGrantGetItsBatch() {
        Api admin = f.admin();
        ThirdParties.Registered personal = ThirdParties.register(
                admin, ThirdParties.registration("Notified app", ThirdParties.NOTIFY, ThirdParties.PERSONAL_SCOPE));
        ThirdParties.Registered usage = ThirdParties.notified(admin, "Usage only app", ThirdParties.NOTIFY);
        JsonObject granted = ThirdParties.offlineToken(admin, personal, f.rc(), ThirdParties.PERSONAL_SCOPE, null);
        ThirdParties.offlineToken(admin, usage, f.rc(), ThirdParties.SCOPE, null);
        String request = "{\"kind\":\"data\",\"retail_customer_id\":\"" + f.rc() + "\"";

        Api.Reply all = admin.postJson("admin/notifications", request + "}");
        Api.Reply one = admin.postJson("admin/notifications", request + ",\"client_id\":\"" + personal.id() + "\"}");

        assertEquals(202, all.status(), all.body());
        List<JsonObject> ours = all.array().stream()
                .map(v -> v.asJsonObject())
                .filter(n -> Set.of(personal.id(), usage.id()).contains(n.getString("client_id")))
                .toList();
        assertAll(
                () -> assertEquals(1, ours.size(), all.body()),
                () -> assertEquals(personal.id(), ours.get(0).getString("client_id")),
                () -> assertEquals(
                        List.of(granted.getString("customerResourceURI")),
                        RetailCustomerInfoIT.strings(ours.get(0), "resources")),
                () -> assertEquals(202, one.status(), one.body()),
                () -> assertEquals(1, one.array().size(), one.body()),
                () -> assertEquals(
                        404,
                        admin.postJson("admin/notifications", request + ",\"client_id\":\"" + usage.id() + "\"}")
                                .status(),
                        "a third party with usage data only"),
                () -> assertEquals(
                        404,
                        admin.postJson(
                                        "admin/notifications",
                                        "{\"kind\":\"data\",\"retail_customer_id\":\"" + UUID.randomUUID() + "\"}")
                                .status()),
                () -> assertEquals(
                        400,
                        admin.postJson(
                                        "admin/notifications",
                                        "{\"kind\":\"authorization\",\"retail_customer_id\":\"" + f.rc() + "\"}")
                                .status()));
    }
}
