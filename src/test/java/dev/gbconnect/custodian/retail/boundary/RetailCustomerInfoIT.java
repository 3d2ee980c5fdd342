package dev.gbconnect.custodian.retail.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.ConsentFlow;
import dev.gbconnect.custodian.testsupport.CustomerInfoFiles;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.ThirdParties;
import dev.gbconnect.custodian.testsupport.Xml;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Element;

/**
 * Retail customer information (issue 17) over HTTP against the packaged WAR: the upload of customer.xsd resources by
 * the back office's upload token, and every form the data custodian reads them in, each answer validated against
 * greenbutton.xsd and compared element by element with the uploaded file.
 */
@ExtendWith(ArquillianExtension.class)
class RetailCustomerInfoIT {

    static final String R = "espi/1_1/resource/";
    static final String CUST = "http://naesb.org/espi/customer";
    static final String CERTIFICATE = "https://cert.greenbuttonalliance.org/certificate/IT-CERT-0001";
    static final Path FULL = Path.of("src/test/resources/customer/retail-customer-full.xml");
    static final List<String> KINDS = List.of(
            "Customer",
            "CustomerAccount",
            "Statement",
            "CustomerAgreement",
            "ServiceSupplier",
            "ProgramDateIdMappings",
            "ServiceLocation",
            "Meter",
            "EndDevice");

    /** The test scope with FB_53 (personal information); with a bulk id; and with the bulk id but without FB_53. */
    static final String PERSONAL = ThirdParties.SCOPE.replace("_39;", "_39_53;"),
            GRANT = PERSONAL + ";BR=17",
            USAGE_ONLY = ThirdParties.SCOPE + ";BR=17";

    static final String SCRIPT_GRANTS = "\"grant_types\":[\"password\",\"refresh_token\",\"client_credentials\"],";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL base;

    /**
     * Built once for the class (customers, tokens and uploads take seconds on a busy machine): a customer holding the
     * UsagePoint of datasdk/Water.xml, which the fixture's ServiceLocation serves, and the fixture uploaded for it; the
     * data custodian's token and the upload token, each with its one scope, as the utility's back office holds them.
     */
    record Fixture(Api admin, Api uploader, String rc, Api.Reply firstUpload) {}

    private static Fixture f;

    /**
     * Built once, for the reads of customers' own tokens and third parties: a customer with three UsagePoints, and
     * customer information whose first ServiceLocation serves the first and whose second, with its own Meter, the
     * second; a third party holding two Authorizations of that customer with bulk id 17, one granted personal
     * information for the first UsagePoint only, one for usage only over all three; and a script client of the
     * password grant, whose scope shares personal information.
     */
    record Sharing(
            String username,
            String rc,
            List<String> allSelves,
            String hiddenLocation,
            ThirdParties.Registered app,
            Api granted,
            Api usageOnly,
            JsonObject usageOnlyToken,
            ThirdParties.Registered script) {

        List<String> sharedSelves() {
            return allSelves.stream().filter(h -> !h.startsWith(hiddenLocation)).toList();
        }
    }

    private static Sharing s;

    @BeforeEach
    void setUp() throws Exception {
        if (f != null) return;
        Api it = new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
        Api admin = Api.withAuthorization(base.toURI(), token(it, "DataCustodian_Admin_Access"));
        Api uploader = Api.withAuthorization(base.toURI(), token(it, "Upload_Admin_Access"));
        String rc = admin.newCustomer("rc-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(
                201, uploader.upload(rc, Shared.sample("datasdk/Water.xml")).status());
        f = new Fixture(admin, uploader, rc, upload(uploader, rc, full()));
    }

    /** {@link Sharing}, built on first use. */
    static Sharing sharing() throws Exception {
        if (s != null) return s;
        URI base = f.admin().base();
        Api it = new Api(base, Api.IT_ADMIN, Api.IT_SECRET);
        String username = "rc-sh-" + UUID.randomUUID().toString().substring(0, 8);
        String rc = f.admin().newCustomer(username);
        Path three = Shared.sample("datasdk/BatchFeedThreeUsagePoints_M.xml");
        assertEquals(201, f.uploader().upload(rc, three).status());
        List<String> points = f.admin().inventory(rc).stream()
                .map(p -> p.asJsonObject().getString("id"))
                .toList();
        Api.Reply info = upload(f.uploader(), rc, twoLocations(points.get(0), points.get(1)));
        assertEquals(201, info.status(), info.body());
        Atom all = read(R + "Batch/RetailCustomer/" + rc);
        String hidden = relative(all.text("//atom:entry[atom:link[@rel='related' and contains(@href, '/UsagePoint/"
                + points.get(1) + "')]]/atom:link[@rel='self']/@href"));
        ThirdParties.Registered app = ThirdParties.register(
                it,
                ThirdParties.registration("Matcher", ThirdParties.NOTIFY, GRANT)
                        .replace("\"scopes\":[", "\"scopes\":[\"" + USAGE_ONLY + "\","));
        JsonObject granted = ThirdParties.offlineToken(it, app, rc, GRANT, List.of(points.get(0)));
        JsonObject usageOnly = ThirdParties.offlineToken(it, app, rc, USAGE_ONLY, null);
        ThirdParties.Registered script = ThirdParties.register(
                it,
                ThirdParties.registration("Own script", ThirdParties.NOTIFY, PERSONAL)
                        .replace("\"scopes\"", SCRIPT_GRANTS + "\"scopes\""));
        s = new Sharing(
                username,
                rc,
                all.texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href").stream()
                        .map(RetailCustomerInfoIT::relative)
                        .toList(),
                hidden,
                app,
                bearer(base, granted),
                bearer(base, usageOnly),
                usageOnly,
                script);
        return s;
    }

    /**
     * The full fixture, its ServiceLocation serving {@code first}, plus a second ServiceLocation with its own Meter
     * serving {@code second}.
     */
    static byte[] twoLocations(String first, String second) {
        String one =
                new String(full(), StandardCharsets.UTF_8).replace("UsagePoint/5446AF3F<", "UsagePoint/" + first + "<");
        int from = one.indexOf("  <entry>\n    <id>urn:uuid:1a2b3c4d-0007"),
                to = one.indexOf("  <entry>\n    <id>urn:uuid:1a2b3c4d-0009");
        String location = one.substring(from, to)
                .replace("1a2b3c4d-0007-5000-8000-000000000007", "1a2b3c4d-0017-5000-8000-000000000017")
                .replace("1a2b3c4d-0008-5000-8000-000000000008", "1a2b3c4d-0018-5000-8000-000000000018")
                .replace("/ServiceLocation/L1", "/ServiceLocation/L2")
                .replace("/Meter/E1", "/Meter/E2")
                .replace("UsagePoint/" + first + "<", "UsagePoint/" + second + "<");
        return (one.substring(0, to) + location + one.substring(to)).getBytes(StandardCharsets.UTF_8);
    }

    static Api bearer(URI base, JsonObject token) {
        return Api.withAuthorization(base, "Bearer " + token.getString("access_token"));
    }

    /** A client_credentials token with only this scope, as a back office holds it. */
    static String token(Api admin, String scope) {
        Api.Reply r =
                admin.token(Api.basic(Api.IT_ADMIN, Api.IT_SECRET), "grant_type=client_credentials&scope=" + scope);
        assertEquals(200, r.status(), r.body());
        return "Bearer " + r.json().getString("access_token");
    }

    static Api.Reply upload(Api as, String customer, byte[] body) {
        return as.raw(
                "POST",
                R + "Batch/RetailCustomer/" + customer,
                as.authorization(),
                "application/atom+xml",
                body,
                false);
    }

    static byte[] full() {
        try {
            return Files.readAllBytes(FULL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Atom read(String path) {
        Api.Reply r = f.admin().get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        assertEquals("application/atom+xml", r.header("Content-Type").replaceAll(";.*", ""), path);
        return Atom.valid(r.body());
    }

    static String relative(String href) {
        return f.admin().base().relativize(URI.create(href)).toString();
    }

    /** The content element of each kind in a document, by kind. */
    static Map<String, Element> contents(List<Element> elements) {
        return elements.stream().collect(Collectors.toMap(Element::getLocalName, Function.identity()));
    }

    static Map<String, Element> fixture() {
        return contents(Xml.elements(Xml.parse(new java.io.ByteArrayInputStream(full())), CUST, "*").stream()
                .filter(e -> e.getParentNode().getLocalName().equals("content"))
                .toList());
    }

    @Test
    void uploadWhenEveryResourceThenBatchHoldsEachElementUnchangedParentsFirst() {
        assertEquals(201, f.firstUpload().status(), f.firstUpload().body());
        JsonObject resources = f.firstUpload().json().getJsonObject("resources");
        KINDS.forEach(k -> assertEquals(1, resources.getJsonObject(k).getInt("created"), k));

        Atom batch = read(R + "Batch/RetailCustomer/" + f.rc());

        Map<String, Element> back = contents(batch.elements("/atom:feed/atom:entry/atom:content/*"));
        Map<String, Element> sent = fixture();
        assertEquals(sent.keySet(), back.keySet());
        assertAll(sent.entrySet().stream()
                .map(e -> (Executable) () -> assertTrue(
                        Xml.same(e.getValue(), back.get(e.getKey())),
                        e.getKey() + " differs:\n" + Xml.toString(back.get(e.getKey()))))
                .toList());
        List<String> selves = batch.texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href");
        for (int i = 1; i < selves.size(); i++) {
            String self = selves.get(i), parent = self.substring(0, self.lastIndexOf('/', self.lastIndexOf('/') - 1));
            assertTrue(selves.subList(0, i).contains(parent), self + " comes after its parent " + parent);
        }
        assertEquals(CERTIFICATE, batch.text("/atom:feed/atom:link[@rel='related']/@href"));
    }

    @Test
    void readWhenEveryEntryInTheCustomerFormTheRootFormAndItsCollectionsThenTheSameElementWithGbaLinks() {
        Atom batch = read(R + "Batch/RetailCustomer/" + f.rc());
        List<Executable> checks = new ArrayList<>();
        List<String> ids = batch.texts("/atom:feed/atom:entry/atom:id");
        List<String> selves = batch.texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href");
        List<Element> contents = batch.elements("/atom:feed/atom:entry/atom:content/*");
        for (int i = 0; i < ids.size(); i++) {
            Element content = contents.get(i);
            String atomId = ids.get(i), kind = content.getLocalName(), id = atomId.substring("urn:uuid:".length());
            String self = relative(selves.get(i)), collection = self.substring(0, self.lastIndexOf('/'));
            checks.add(() -> sameEntry(content, read(self), "cust-entry/" + kind, true));
            checks.add(() -> sameEntry(content, read(R + kind + "/" + id), "cust-entry/" + kind, false));
            checks.add(() -> assertEquals(1, read(collection).count("//atom:entry[atom:id='" + atomId + "']")));
            checks.add(() -> assertEquals(1, read(R + kind).count("//atom:entry[atom:id='" + atomId + "']")));
        }
        assertAll(checks);
    }

    static void sameEntry(Element sent, Atom entry, String type, boolean customerForm) {
        Element back = entry.elements("/atom:entry/atom:content/*").get(0);
        assertTrue(Xml.same(sent, back), Xml.toString(back));
        assertEquals(type, entry.text("/atom:entry/atom:link[@rel='self']/@type"));
        String self = entry.text("/atom:entry/atom:link[@rel='self']/@href");
        assertEquals(self.substring(0, self.lastIndexOf('/')), entry.text("/atom:entry/atom:link[@rel='up']/@href"));
        assertEquals(customerForm, self.contains("/RetailCustomer/"), self);
        assertEquals(1, entry.count("/atom:entry/atom:link[@href='" + CERTIFICATE + "']"));
    }

    @Test
    void serviceLocationWhenItNamesTheUploadedUsagePointThenItLinksToItItsDevicesAndItsAgreement() {
        String usagePoint = f.admin().inventory(f.rc()).getJsonObject(0).getString("id");
        Atom batch = read(R + "Batch/RetailCustomer/" + f.rc());
        String location = batch.text("//atom:entry[atom:content/cust:ServiceLocation]/atom:link[@rel='self']/@href");

        Atom entry = read(relative(location));

        List<String> related = entry.texts("/atom:entry/atom:link[@rel='related']/@href");
        assertTrue(related.contains(base + R + "UsagePoint/" + usagePoint), related.toString());
        assertTrue(related.contains(location + "/Meter"), related.toString());
        assertTrue(related.contains(location + "/EndDevice"), related.toString());
        assertTrue(related.contains(location.substring(0, location.indexOf("/ServiceLocation/"))), related.toString());
        assertEquals(200, f.admin().get(R + "UsagePoint/" + usagePoint).status(), "the link leads somewhere");
    }

    @Test
    void uploadWhenSameFileAgainThenNothingChangesAndIdsStay() {
        String before =
                withoutTimes(f.admin().get(R + "Batch/RetailCustomer/" + f.rc()).body());

        Api.Reply again = upload(f.uploader(), f.rc(), full());

        assertEquals(200, again.status(), again.body());
        again.json()
                .getJsonObject("resources")
                .values()
                .forEach(c -> assertEquals(1, c.asJsonObject().getInt("unchanged"), again.body()));
        assertEquals(
                before,
                withoutTimes(f.admin().get(R + "Batch/RetailCustomer/" + f.rc()).body()));
    }

    /**
     * FB_69: a changed upload notifies the third party granted personal information (FB_53) with the customer's
     * Batch/RetailCustomer, and no other; the grant also decides customerResourceURI in the token response.
     */
    @Test
    void uploadWhenCustomerInformationChangesThenOnlyThirdPartiesGrantedItAreNotified() throws Exception {
        Api it = new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
        String rc = it.newCustomer("rc-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(
                201, f.uploader().upload(rc, Shared.sample("datasdk/Water.xml")).status());
        assertEquals(201, upload(f.uploader(), rc, full()).status());
        ThirdParties.Registered personal = ThirdParties.register(
                it, ThirdParties.registration("Personal app", ThirdParties.NOTIFY, ThirdParties.PERSONAL_SCOPE));
        ThirdParties.Registered usage = ThirdParties.notified(it, "Usage app", ThirdParties.NOTIFY);
        JsonObject granted = ThirdParties.offlineToken(it, personal, rc, ThirdParties.PERSONAL_SCOPE, null);
        JsonObject usageOnly = ThirdParties.offlineToken(it, usage, rc, ThirdParties.SCOPE, null);
        String batch = R + "Batch/RetailCustomer/" + rc;
        assertTrue(granted.getString("customerResourceURI").endsWith("/" + batch), granted.toString());
        assertFalse(usageOnly.containsKey("customerResourceURI"), usageOnly.toString());

        byte[] moved = new String(full(), StandardCharsets.UTF_8)
                .replace("1200 Larkspur Lane, Apt 4B", "1200 Larkspur Lane, Apt 4C")
                .getBytes(StandardCharsets.UTF_8);
        Api.Reply changed = upload(f.uploader(), rc, moved);
        assertEquals(200, changed.status(), changed.body());

        List<JsonObject> notices = dataNotices(it, personal);
        assertEquals(1, notices.size(), notices.toString());
        assertEquals(List.of(granted.getString("customerResourceURI")), strings(notices.get(0), "resources"));
        assertFalse(notices.get(0).toString().contains("Larkspur"), "no personal information in a notice");
        assertEquals(List.of(), dataNotices(it, usage), "usage data only: no notice, no such URI");
        assertEquals(200, upload(f.uploader(), rc, moved).status());
        assertEquals(1, dataNotices(it, personal).size(), "an unchanged re-upload announces nothing");
    }

    static List<JsonObject> dataNotices(Api admin, ThirdParties.Registered client) {
        Api.Reply r = admin.get("admin/notifications?client_id=" + client.id());
        assertEquals(200, r.status(), r.body());
        return r.array().stream()
                .map(v -> v.asJsonObject())
                .filter(n -> n.getString("kind").equals("data"))
                .toList();
    }

    static List<String> strings(JsonObject o, String member) {
        return o.getJsonArray(member).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    /** The feed's own updated time is the time of the answer. */
    static String withoutTimes(String feed) {
        return feed.replaceFirst("<updated>[^<]*</updated>", "");
    }

    @Test
    void uploadWhenFileIsRefusedThen400WithLinesAndNothingStored() throws IOException {
        String valid = new String(full(), StandardCharsets.UTF_8);
        Map<String, byte[]> refused = Map.of(
                "the openespi sample (cust:status holds text)",
                Files.readAllBytes(Shared.sample("openespi/Customer-Subscription-Feed-Anonymized.xml")),
                "an invalid last entry",
                valid.replace("cust:installCode>", "cust:installKode>").getBytes(StandardCharsets.UTF_8),
                "a UsagePoint the customer does not have",
                valid.replace("UsagePoint/5446AF3F<", "UsagePoint/NOPE<").getBytes(StandardCharsets.UTF_8),
                "usage data",
                Files.readAllBytes(Shared.sample("datasdk/Water.xml")),
                "a DOCTYPE",
                valid.replace("<feed ", "<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<feed ")
                        .getBytes(StandardCharsets.UTF_8));
        String before =
                withoutTimes(f.admin().get(R + "Batch/RetailCustomer/" + f.rc()).body());
        List<Executable> checks = new ArrayList<>();
        refused.forEach((what, body) -> {
            Api.Reply r = upload(f.uploader(), f.rc(), body);
            checks.add(() -> assertEquals(400, r.status(), what + ": " + r.body()));
            checks.add(() -> assertEquals("invalid_upload", r.json().getString("error"), what));
            checks.add(() -> assertTrue(
                    r.json().getJsonArray("problems").getString(0).matches("\\d+:\\d+: .+"), what + ": " + r.body()));
        });
        assertAll(checks);
        assertEquals(
                before,
                withoutTimes(f.admin().get(R + "Batch/RetailCustomer/" + f.rc()).body()),
                "nothing stored");
    }

    @Test
    void tokensWhenNotTheirClassThen403AndOutOfTheTreeThen404() {
        Api custodian = f.admin();
        assertEquals(403, upload(custodian, f.rc(), full()).status(), "the upload takes the upload token only");
        for (String path :
                List.of("Batch/RetailCustomer/" + f.rc(), "Customer", "RetailCustomer/" + f.rc() + "/Customer")) {
            assertEquals(403, f.uploader().get(R + path).status(), path);
            assertEquals(200, custodian.get(R + path).status(), path);
        }
        String customer = read(R + "RetailCustomer/" + f.rc() + "/Customer")
                .text("//atom:entry/atom:id")
                .substring(9);
        List<Executable> checks = new ArrayList<>();
        for (String path : List.of(
                "Customer/" + UUID.randomUUID(),
                "Customer/" + "x".repeat(100),
                "RetailCustomer/" + f.rc() + "/Customer/" + "x".repeat(500),
                "Batch/RetailCustomer/" + "x".repeat(100),
                "Batch/RetailCustomer/no-such-customer",
                "RetailCustomer/no-such-customer/Customer",
                "RetailCustomer/" + f.rc() + "/Customer/" + UUID.randomUUID() + "/CustomerAccount",
                "RetailCustomer/" + f.rc() + "/Customer/" + customer + "/ServiceLocation",
                "RetailCustomer/" + f.rc() + "/Customer/" + customer + "/CustomerAccount/" + customer)) {
            Api.Reply r = f.admin().get(R + path);
            checks.add(() -> assertEquals(404, r.status(), path + ": " + r.body()));
        }
        assertAll(checks);
    }

    @Test
    void feedsWhenPagedBoundedOrConditionalThenNextLinksFiltersAnd304() {
        String path = R + "Batch/RetailCustomer/" + f.rc();
        List<String> all = read(path).texts("//atom:entry/atom:id");
        List<String> walked = new ArrayList<>();
        String next = path + "?max-results=4";
        while (next != null) {
            Atom page = read(next);
            walked.addAll(page.texts("//atom:entry/atom:id"));
            String href = page.text("/atom:feed/atom:link[@rel='next']/@href");
            next = href.isEmpty() ? null : relative(href);
        }
        assertEquals(all, walked);
        assertEquals(0, read(path + "?updated-max=2025-01-15T00:00:00Z").count("//cust:Customer"));
        assertEquals(1, read(path + "?published-max=2025-01-15T00:00:00Z").count("//cust:Customer"));
        assertEquals(400, f.admin().get(R + "Customer?published-min=All").status());
        String customer =
                R + "RetailCustomer/" + f.rc() + "/Customer/" + all.get(0).substring(9);
        Api.Reply first = f.admin().get(customer);
        assertEquals(
                304,
                f.admin().get(customer, "If-None-Match", first.header("ETag")).status());
        assertEquals(
                200,
                f.admin().get(R + "RetailCustomer/" + f.rc() + "/Customer/").status(),
                "trailing slash");
    }

    /** A 200 Atom answer, validated against greenbutton.xsd. */
    static Atom ok(Api.Reply r, String what) {
        assertEquals(200, r.status(), what + ": " + r.body());
        assertEquals("application/atom+xml", r.header("Content-Type").replaceAll(";.*", ""), what);
        return Atom.valid(r.body());
    }

    static List<String> selves(Atom feed) {
        return feed.texts("/atom:feed/atom:entry/atom:link[@rel='self']/@href").stream()
                .map(RetailCustomerInfoIT::relative)
                .toList();
    }

    /** The answer to {@code path} is the answer to the same path with {@code id} replaced by one that exists nowhere. */
    static Executable answersAsMissing(Api api, String path, String id) {
        String nowhere = UUID.randomUUID().toString();
        Api.Reply r = api.get(path), missing = api.get(path.replace(id, nowhere));
        return () -> {
            assertEquals(404, r.status(), path + ": " + r.body());
            assertEquals(missing.status(), r.status(), path);
            assertEquals(missing.body().replace(nowhere, id), r.body(), path);
            assertEquals(missing.header("Content-Type"), r.header("Content-Type"), path);
        };
    }

    static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** No customer.xsd element and no word of the fixture's personal information. */
    static void noPersonalInformation(Api.Reply r, String what) {
        Atom doc = ok(r, what);
        assertEquals(0, doc.count("//cust:*"), what);
        assertFalse(r.body().contains("Larkspur"), what);
    }

    @Test
    void thirdPartyWhenGrantedThenItsCustomersChosenLocationsAndWhatTheyHangFromInEveryPathAndNothingElse()
            throws Exception {
        Sharing sh = sharing();
        String batch = R + "Batch/RetailCustomer/" + sh.rc();
        assertEquals(sh.sharedSelves(), selves(ok(sh.granted().get(batch), batch)));
        assertEquals(9, sh.sharedSelves().size(), "every kind once: " + sh.sharedSelves());
        List<Executable> checks = new ArrayList<>();
        for (String self : sh.sharedSelves()) {
            String collection = self.substring(0, self.lastIndexOf('/'));
            checks.add(() -> assertEquals(
                    f.admin().get(self).body(), sh.granted().get(self).body(), self));
            checks.add(() -> assertEquals(
                    selves(read(collection)).stream()
                            .filter(sh.sharedSelves()::contains)
                            .toList(),
                    selves(ok(sh.granted().get(collection), collection))));
        }
        for (String self : sh.allSelves()) {
            if (!sh.sharedSelves().contains(self)) checks.add(answersAsMissing(sh.granted(), self, lastSegment(self)));
        }
        String location = lastSegment(sh.hiddenLocation());
        checks.add(answersAsMissing(sh.granted(), sh.hiddenLocation() + "/Meter", location));
        checks.add(answersAsMissing(sh.granted(), sh.hiddenLocation() + "/EndDevice", location));
        checks.add(() -> assertEquals(403, sh.granted().get(R + "Customer").status(), "the root form is the DC's"));
        assertAll(checks);
    }

    @Test
    void customerInformationWhenNotGrantedOrAnotherCustomersThenEveryPathAnswersAsAMissingId() throws Exception {
        Sharing sh = sharing();
        List<Executable> checks = new ArrayList<>();
        List<String> paths = new ArrayList<>(sh.allSelves());
        paths.addAll(List.of(R + "Batch/RetailCustomer/" + sh.rc(), R + "RetailCustomer/" + sh.rc() + "/Customer"));
        paths.forEach(p -> checks.add(answersAsMissing(sh.usageOnly(), p, sh.rc())));
        List<String> others = new ArrayList<>(selves(read(R + "Batch/RetailCustomer/" + f.rc())));
        others.addAll(List.of(R + "Batch/RetailCustomer/" + f.rc(), R + "RetailCustomer/" + f.rc() + "/Customer"));
        others.forEach(p -> checks.add(answersAsMissing(sh.granted(), p, f.rc())));
        String subscription = relative(sh.usageOnlyToken().getString("resourceURI"));
        checks.add(() -> noPersonalInformation(sh.usageOnly().get(subscription), subscription));
        assertAll(checks);
    }

    /** The third party's client_credentials token with this scope (its back office, its registration). */
    static Api clientCredentials(ThirdParties.Registered client, String scope) {
        Api.Reply r = Api.withAuthorization(f.admin().base(), null)
                .token(client.basic(), "grant_type=client_credentials&scope=" + scope);
        assertEquals(200, r.status(), r.body());
        return Api.withAuthorization(f.admin().base(), "Bearer " + r.json().getString("access_token"));
    }

    @Test
    void bulkWhenSomeAuthorizationsGrantPersonalInformationThenTheirsAloneStreamedAndNoneInTheUsageBulk()
            throws Exception {
        Sharing sh = sharing();
        Api backOffice = clientCredentials(sh.app(), "ThirdParty_Admin_Access");
        String bulk = R + "Batch/BulkRetailCustomerInfo/17";

        assertEquals(sh.sharedSelves(), selves(ok(backOffice.get(bulk), bulk)), "the usage-only one adds nothing");
        List<String> custodian = selves(read(bulk));
        assertTrue(custodian.containsAll(sh.sharedSelves()), custodian.toString());
        assertFalse(custodian.contains(sh.hiddenLocation()), custodian.toString());
        assertEquals(404, backOffice.get(R + "Batch/BulkRetailCustomerInfo/18").status());
        assertEquals(403, sh.granted().get(bulk).status(), "a customer's token is not the back office");
        assertEquals(
                403,
                backOffice.get(R + "RetailCustomer/" + sh.rc() + "/Customer").status());
        noPersonalInformation(backOffice.get(R + "Batch/Bulk/17"), "Batch/Bulk");
    }

    /**
     * Issue 17, done when: every customer path of GBA's openapi-starter, the root form's collection and id of each
     * kind, with a token of every class. The data custodian's answers 200 with schema-valid Atom; every other class
     * is refused from the token alone (403 insufficient_scope: GBA lists these paths for the data custodian's token
     * only), the same for an id that exists and one that exists nowhere.
     */
    @Test
    void starterPathsWhenATokenOfEveryClassThenTheDataCustodians200AndEveryOther403() throws Exception {
        Sharing sh = sharing();
        Map<String, Api> refused = Map.of(
                "upload", f.uploader(),
                "customer, granted", sh.granted(),
                "customer, usage only", sh.usageOnly(),
                "back office", clientCredentials(sh.app(), "ThirdParty_Admin_Access"),
                "registration", clientCredentials(sh.app(), "FB=36_40"));
        Atom batch = read(R + "Batch/RetailCustomer/" + sh.rc());
        List<Element> contents = batch.elements("/atom:feed/atom:entry/atom:content/*");
        List<String> ids = batch.texts("/atom:feed/atom:entry/atom:id");
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String kind = contents.get(i).getLocalName(), id = ids.get(i).substring("urn:uuid:".length());
            String missing = R + kind + "/" + UUID.randomUUID();
            for (String path : List.of(R + kind, R + kind + "/" + id, missing)) {
                Api.Reply custodian = f.admin().get(path);
                checks.add(() -> assertEquals(path.equals(missing) ? 404 : 200, custodian.status(), path));
                if (custodian.status() == 200) checks.add(() -> ok(custodian, path));
                refused.forEach((token, api) -> {
                    Api.Reply r = api.get(path);
                    checks.add(() -> assertEquals(403, r.status(), token + " " + path + ": " + r.body()));
                    checks.add(() -> assertTrue(
                            r.header("WWW-Authenticate").contains("insufficient_scope"), token + " " + path));
                });
            }
        }
        assertEquals(
                KINDS.size(),
                Set.copyOf(contents.stream().map(Element::getLocalName).toList())
                        .size());
        assertAll(checks);
    }

    @Test
    void passwordGrantAndPersonalClientsWhenTheirScopeSharesItThenTheirOwnCustomersWholeTree() throws Exception {
        Sharing sh = sharing();
        URI base = f.admin().base();
        ConsentFlow portal = ConsentFlow.portal(base, sh.username());
        String created = portal.post(
                        "portal/api-access",
                        Map.of("csrf", ConsentFlow.csrf(portal.get("portal")), "name", "Own export"))
                .body();
        ThirdParties.Registered personal =
                new ThirdParties.Registered(code(created, "client-id"), code(created, "client-secret"), null);
        String batch = R + "Batch/RetailCustomer/" + sh.rc();
        List<Executable> checks = new ArrayList<>();
        for (ThirdParties.Registered client : List.of(sh.script(), personal)) {
            Api.Reply token = ThirdParties.password(base, client, sh.username());
            assertEquals(200, token.status(), token.body());
            Api own = bearer(base, token.json());
            checks.add(() -> assertEquals(sh.allSelves(), selves(ok(own.get(batch), batch))));
            for (String self : sh.allSelves())
                checks.add(() ->
                        assertEquals(f.admin().get(self).body(), own.get(self).body(), self));
            checks.add(answersAsMissing(own, R + "RetailCustomer/" + f.rc() + "/Customer", f.rc()));
        }
        assertAll(checks);
    }

    /**
     * Issue 17's bulk form: the customers a file names are created without a password and their information stored;
     * an invalid last record leaves nothing, not even the customers; the same file again changes nothing; only the
     * upload token may send it. A customer without a password fails sign-in exactly as a wrong password does.
     */
    @Test
    void bulkUploadWhenManyCustomersThenCreatedWithoutPasswordAllOrNothingAndIdempotent() throws Exception {
        String prefix = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply refused = bulk(f.uploader(), CustomerInfoFiles.bulk(prefix, 30, true));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().getJsonArray("problems").getString(0).matches("\\d+:\\d+: .+"), refused.body());
        assertEquals(List.of(), created(prefix), "an invalid last record leaves nothing stored");
        assertEquals(
                403, bulk(f.admin(), CustomerInfoFiles.bulk(prefix, 1, false)).status(), "upload token only");

        Api.Reply first = bulk(f.uploader(), CustomerInfoFiles.bulk(prefix, 30, false));
        Api.Reply again = bulk(f.uploader(), CustomerInfoFiles.bulk(prefix, 30, false));

        assertEquals(201, first.status(), first.body());
        for (String kind : List.of("RetailCustomer", "Customer", "CustomerAccount"))
            assertEquals(
                    30,
                    first.json().getJsonObject("resources").getJsonObject(kind).getInt("created"),
                    kind);
        assertEquals(200, again.status(), again.body());
        again.json()
                .getJsonObject("resources")
                .values()
                .forEach(c -> assertEquals(30, c.asJsonObject().getInt("unchanged"), again.body()));
        assertEquals(30, created(prefix).size());
        String last = created(prefix).stream()
                .filter(c -> c.getString("username").equals(CustomerInfoFiles.username(prefix, 29)))
                .findFirst()
                .orElseThrow()
                .getString("id");
        Atom tree = read(R + "Batch/RetailCustomer/" + last);
        assertEquals("ACCT-29", tree.text("//cust:CustomerAccount/cust:accountId"));
        assertEquals("Customer 29", tree.text("//cust:Customer/cust:customerName"));

        ThirdParties.Registered script = sharing().script();
        Api.Reply noPassword = ThirdParties.password(f.admin().base(), script, CustomerInfoFiles.username(prefix, 0));
        Api.Reply wrong = Api.withAuthorization(f.admin().base(), null)
                .token(script.basic(), "grant_type=password&username=" + s.username() + "&password=wrong-password");
        assertEquals(400, noPassword.status(), noPassword.body());
        assertEquals(wrong.status() + " " + wrong.body(), noPassword.status() + " " + noPassword.body());
    }

    /**
     * The bulk path writes chunk by chunk through JDBC (issue 17): an invalid last record, read after whole chunks of
     * customers were written, still leaves nothing stored. (That a valid file stores every customer, the test above.)
     */
    @Test
    void bulkUploadWhenInvalidLastRecordAfterWrittenChunksThenNothingStored() {
        String prefix = "bulk-c-" + UUID.randomUUID().toString().substring(0, 8);
        // Two chunks of 500 and one customer: the reader runs at most 256 entries ahead of the writer, so the first
        // chunk is written before the last record is read.
        Api.Reply refused = bulk(f.uploader(), CustomerInfoFiles.bulk(prefix, 1_001, true));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().getJsonArray("problems").getString(0).matches("\\d+:\\d+: .+"), refused.body());
        assertEquals(List.of(), created(prefix), "nothing of the written chunks is left");
    }

    /**
     * The bulk path stores what the one-customer path stores (issue 17): the same file for a stored customer, sent to
     * either, finds every resource as the other left it (same ids, elements and places), and a ServiceLocation's tie to
     * its UsagePoint is taken away and given back the same way by each.
     */
    @Test
    void bulkUploadWhenCustomerStoredByTheirOwnUploadThenSameRowsEitherWay() throws Exception {
        String username = "rc-bk-" + UUID.randomUUID().toString().substring(0, 8);
        String rc = f.admin().newCustomer(username);
        assertEquals(
                201, f.uploader().upload(rc, Shared.sample("datasdk/Water.xml")).status());
        String text = new String(full(), StandardCharsets.UTF_8)
                .replace("RetailCustomer/9B6C7071/Customer", "RetailCustomer/" + username + "/Customer");
        byte[] file = text.getBytes(StandardCharsets.UTF_8),
                unserved =
                        text.replaceAll("(?s)<cust:UsagePoints>.*?</cust:UsagePoints>", "")
                                .getBytes(StandardCharsets.UTF_8);
        assertEquals(201, upload(f.uploader(), rc, file).status());
        String tree = entries(f.admin().get(R + "Batch/RetailCustomer/" + rc));

        Api.Reply same = bulk(f.uploader(), file);
        Api.Reply untied = bulk(f.uploader(), unserved);
        String untiedTree = f.admin().get(R + "Batch/RetailCustomer/" + rc).body();
        Api.Reply tiedAgain = upload(f.uploader(), rc, file);

        assertAll(
                () -> assertEquals(Map.of(), changes(same, 200), "nothing changed"),
                () -> assertEquals(Map.of("ServiceLocation", 1), changes(untied, 200)),
                () -> assertFalse(untiedTree.contains("/UsagePoint/"), untiedTree),
                () -> assertEquals(Map.of("ServiceLocation", 1), changes(tiedAgain, 200)),
                () -> assertEquals(tree, entries(f.admin().get(R + "Batch/RetailCustomer/" + rc))));
    }

    /** A feed's entries, without the feed's own {@code updated}, which is the time of the request. */
    private static String entries(Api.Reply feed) {
        assertEquals(200, feed.status(), feed.body());
        return feed.body().substring(feed.body().indexOf("<entry>"));
    }

    /** The kinds an upload with this answer updated, with how many; it must have created nothing. */
    private static Map<String, Integer> changes(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        Map<String, Integer> updated = new TreeMap<>();
        reply.json().getJsonObject("resources").forEach((kind, counts) -> {
            assertEquals(0, counts.asJsonObject().getInt("created"), kind + ": " + reply.body());
            int n = counts.asJsonObject().getInt("updated");
            if (n > 0) updated.put(kind, n);
        });
        return updated;
    }

    /** A bulk upload has its upload history record as every upload does, refused or stored (issue 17). */
    @Test
    void bulkUploadWhenRefusedThenStoredThenSentAgainThenEachInTheUploadHistory() {
        String prefix = "bulk-h-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] invalid = CustomerInfoFiles.bulk(prefix, 7, true), valid = CustomerInfoFiles.bulk(prefix, 7, false);
        assertEquals(400, bulk(f.uploader(), invalid).status());
        assertEquals(201, bulk(f.uploader(), valid).status());
        assertEquals(200, bulk(f.uploader(), valid).status());

        // No customer id to filter by: the files' sizes, unique to this test, find them.
        Api.Reply history = f.admin().get("admin/uploads?size=200");
        assertEquals(200, history.status(), history.body());
        List<JsonObject> mine = history.json().getJsonArray("uploads").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("kind").equals("bulk-customer-information")
                        && Set.of((long) valid.length, (long) invalid.length)
                                .contains(u.getJsonNumber("bytes").longValue()))
                .toList();
        assertEquals(3, mine.size(), history.body());
        JsonObject again = mine.get(0), stored = mine.get(1), refused = mine.get(2);
        assertAll(
                () -> assertEquals("stored", again.getString("result")),
                () -> assertEquals(3 * 7, again.getJsonObject("resources").getInt("unchanged"), again.toString()),
                () -> assertEquals("stored", stored.getString("result")),
                () -> assertEquals(3 * 7, stored.getJsonObject("resources").getInt("created"), stored.toString()),
                () -> assertTrue(stored.getInt("duration_ms") >= 0),
                () -> assertEquals("invalid_upload", refused.getString("result")),
                () -> assertEquals(0, refused.getJsonObject("resources").getInt("created")),
                () -> assertTrue(refused.getInt("problem_count") >= 1, refused.toString()),
                () -> assertTrue(
                        refused.getJsonArray("problems").getString(0).matches("\\d+:\\d+: .+"), refused.toString()));
    }

    static Api.Reply bulk(Api as, byte[] body) {
        return as.raw("POST", R + "Batch/RetailCustomer", as.authorization(), "application/atom+xml", body, false);
    }

    /** The stored customers whose username starts with the prefix. */
    static List<JsonObject> created(String prefix) {
        return f.admin().get("admin/customers").array().stream()
                .map(v -> v.asJsonObject())
                .filter(c -> c.getString("username").startsWith(prefix + "-"))
                .toList();
    }

    /** The text of the page's {@code <code id="...">}. */
    static String code(String page, String id) {
        int start = page.indexOf('>', page.indexOf("id=\"" + id + "\"")) + 1;
        return page.substring(start, page.indexOf('<', start));
    }
}
