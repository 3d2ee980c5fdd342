package dev.gbconnect.custodian.retail.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Atom;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.Xml;
import jakarta.json.JsonObject;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL base;

    Api admin() throws Exception {
        return new Api(base.toURI(), Api.IT_ADMIN, Api.IT_SECRET);
    }

    /** A client_credentials token with only this scope, as the back office holds it. */
    String token(String scope) throws Exception {
        Api.Reply r =
                admin().token(Api.basic(Api.IT_ADMIN, Api.IT_SECRET), "grant_type=client_credentials&scope=" + scope);
        assertEquals(200, r.status(), r.body());
        return "Bearer " + r.json().getString("access_token");
    }

    /** A customer holding the UsagePoint of datasdk/Water.xml, which the fixture's ServiceLocation serves. */
    String customerWithUsage() throws Exception {
        String id = admin().newCustomer("rc-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(201, admin().upload(id, Shared.sample("datasdk/Water.xml")).status());
        return id;
    }

    Api.Reply upload(String customer, byte[] body) throws Exception {
        return admin().raw(
                        "POST",
                        R + "Batch/RetailCustomer/" + customer,
                        token("Upload_Admin_Access"),
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

    Atom read(String path) throws Exception {
        Api.Reply r = admin().get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        assertEquals("application/atom+xml", r.header("Content-Type").replaceAll(";.*", ""), path);
        return Atom.valid(r.body());
    }

    String relative(String href) throws Exception {
        return base.toURI().relativize(URI.create(href)).toString();
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
    void uploadWhenEveryResourceThenBatchHoldsEachElementUnchangedParentsFirst() throws Exception {
        String rc = customerWithUsage();
        Api.Reply r = upload(rc, full());
        assertEquals(201, r.status(), r.body());
        JsonObject resources = r.json().getJsonObject("resources");
        KINDS.forEach(k -> assertEquals(1, resources.getJsonObject(k).getInt("created"), k));

        Atom batch = read(R + "Batch/RetailCustomer/" + rc);

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
    void readWhenEveryEntryByItsSelfUpAndRootLinksThenTheSameElementWithGbaLinks() throws Exception {
        String rc = customerWithUsage();
        assertEquals(201, upload(rc, full()).status());
        Atom batch = read(R + "Batch/RetailCustomer/" + rc);
        List<Executable> checks = new ArrayList<>();
        for (Element content : batch.elements("/atom:feed/atom:entry/atom:content/*")) {
            Element entry = (Element) content.getParentNode().getParentNode();
            String kind = content.getLocalName();
            String id = Xml.elements(entry.getOwnerDocument(), "http://www.w3.org/2005/Atom", "id").stream()
                    .filter(e -> e.getParentNode() == entry)
                    .findFirst()
                    .orElseThrow()
                    .getTextContent()
                    .substring("urn:uuid:".length());
            String self = R + "RetailCustomer/" + rc + "/" + pathOf(batch, id);
            checks.add(() -> sameEntry(content, read(self), "cust-entry/" + kind, true));
            checks.add(() -> sameEntry(content, read(R + kind + "/" + id), "cust-entry/" + kind, false));
            checks.add(() -> assertEquals(
                    1,
                    read(self.substring(0, self.lastIndexOf('/'))).count("//atom:entry[atom:id='urn:uuid:" + id + "']"),
                    "the collection of " + self + " holds it"));
            checks.add(() -> assertTrue(read(R + kind).count("//atom:entry[atom:id='urn:uuid:" + id + "']") <= 1));
        }
        assertAll(checks);
    }

    String pathOf(Atom batch, String id) throws Exception {
        String self = batch.text("/atom:feed/atom:entry[atom:id='urn:uuid:" + id + "']/atom:link[@rel='self']/@href");
        return self.substring(self.indexOf("/Customer/") + 1);
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
    void serviceLocationWhenItNamesTheUploadedUsagePointThenItLinksToItAndMetersAndItsAgreement() throws Exception {
        String rc = customerWithUsage();
        assertEquals(201, upload(rc, full()).status());
        String usagePoint = admin().inventory(rc).getJsonObject(0).getString("id");
        Atom batch = read(R + "Batch/RetailCustomer/" + rc);
        String location = batch.text("//atom:entry[atom:content/cust:ServiceLocation]/atom:link[@rel='self']/@href");

        Atom entry = read(relative(location));

        List<String> related = entry.texts("/atom:entry/atom:link[@rel='related']/@href");
        assertTrue(related.contains(base + R + "UsagePoint/" + usagePoint), related.toString());
        assertTrue(
                related.contains(location + "/Meter") && related.contains(location + "/EndDevice"), related.toString());
        assertTrue(related.contains(location.substring(0, location.indexOf("/ServiceLocation/"))), related.toString());
        assertEquals(200, admin().get(R + "UsagePoint/" + usagePoint).status(), "the link leads somewhere");
    }

    @Test
    void uploadWhenSameFileTwiceThenNothingChangesAndIdsStay() throws Exception {
        String rc = customerWithUsage();
        assertEquals(201, upload(rc, full()).status());
        String before = admin().get(R + "Batch/RetailCustomer/" + rc).body().replaceAll("<updated>[^<]*</updated>", "");

        Api.Reply again = upload(rc, full());

        assertEquals(200, again.status(), again.body());
        again.json()
                .getJsonObject("resources")
                .values()
                .forEach(c -> assertEquals(1, c.asJsonObject().getInt("unchanged"), again.body()));
        assertEquals(
                before,
                admin().get(R + "Batch/RetailCustomer/" + rc).body().replaceAll("<updated>[^<]*</updated>", ""));
    }

    @Test
    void uploadWhenFileIsRefusedThen400WithLinesAndNothingStored() throws Exception {
        String rc = customerWithUsage();
        String valid = new String(full(), StandardCharsets.UTF_8);
        Map<String, byte[]> refused = Map.of(
                "the openespi sample (cust:status holds text)",
                Files.readAllBytes(Shared.sample("openespi/Customer-Subscription-Feed-Anonymized.xml")),
                "an invalid last entry",
                valid.replace("<cust:installCode>", "<cust:installKode>")
                        .replace("</cust:installCode>", "</cust:installKode>")
                        .getBytes(StandardCharsets.UTF_8),
                "a UsagePoint the customer does not have",
                valid.replace("UsagePoint/5446AF3F<", "UsagePoint/NOPE<").getBytes(StandardCharsets.UTF_8),
                "usage data",
                Files.readAllBytes(Shared.sample("datasdk/Water.xml")),
                "a DOCTYPE",
                valid.replace("<feed ", "<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<feed ")
                        .getBytes(StandardCharsets.UTF_8));
        List<Executable> checks = new ArrayList<>();
        refused.forEach((what, body) -> {
            Api.Reply r;
            try {
                r = upload(rc, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            checks.add(() -> assertEquals(400, r.status(), what + ": " + r.body()));
            checks.add(() -> assertEquals("invalid_upload", r.json().getString("error"), what));
            checks.add(() -> assertTrue(
                    r.json().getJsonArray("problems").getString(0).matches("\\d+:\\d+: .+"), what + ": " + r.body()));
        });
        assertAll(checks);
        assertEquals(0, read(R + "Batch/RetailCustomer/" + rc).count("//atom:entry"), "nothing stored");
    }

    @Test
    void tokensWhenNotTheirClassThen403AndUnknownThen404() throws Exception {
        String rc = customerWithUsage();
        Api.Reply custodianUpload = admin().raw(
                        "POST",
                        R + "Batch/RetailCustomer/" + rc,
                        token("DataCustodian_Admin_Access"),
                        "application/atom+xml",
                        full(),
                        false);
        assertEquals(403, custodianUpload.status(), "upload takes the upload token only");
        assertEquals(201, upload(rc, full()).status());
        Api uploader = Api.withAuthorization(base.toURI(), token("Upload_Admin_Access"));
        for (String path : List.of("Batch/RetailCustomer/" + rc, "Customer", "RetailCustomer/" + rc + "/Customer")) {
            assertEquals(403, uploader.get(R + path).status(), path);
        }
        String customer = read(R + "RetailCustomer/" + rc + "/Customer")
                .text("//atom:entry/atom:id")
                .substring(9);
        for (String path : List.of(
                "Customer/" + UUID.randomUUID(),
                "Batch/RetailCustomer/no-such-customer",
                "RetailCustomer/no-such-customer/Customer",
                "RetailCustomer/" + rc + "/Customer/" + UUID.randomUUID() + "/CustomerAccount",
                "RetailCustomer/" + rc + "/Customer/" + customer + "/ServiceLocation",
                "RetailCustomer/" + rc + "/Customer/" + customer + "/CustomerAccount/" + customer)) {
            Api.Reply r = admin().get(R + path);
            assertEquals(404, r.status(), path + ": " + r.body());
        }
    }

    @Test
    void feedsWhenPagedOrConditionalThenNextLinksAnd304() throws Exception {
        String rc = customerWithUsage();
        assertEquals(201, upload(rc, full()).status());
        String path = R + "Batch/RetailCustomer/" + rc;
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
        assertEquals(400, admin().get(R + "Customer?published-min=All").status());
        String customer = R + "RetailCustomer/" + rc + "/Customer/" + all.get(0).substring(9);
        Api.Reply first = admin().get(customer);
        assertEquals(
                304,
                admin().get(customer, "If-None-Match", first.header("ETag")).status());
        assertEquals(200, admin().get(R + "RetailCustomer/" + rc + "/Customer/").status(), "trailing slash");
    }
}
