package dev.gbconnect.custodian.demo;

import dev.gbconnect.custodian.demo.DemoData.DemoCustomer;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A demo customer's retail customer information as a customer.xsd Atom feed, for the same importer as any upload:
 * the customer with a street address, one account, one agreement with its supplier, and per UsagePoint a
 * ServiceLocation that serves it (named by the generator's UsagePoint href) with its Meter. Every name, address and
 * number is invented, and the same on every run. Titles and hrefs carry kinds and numbers only, never personal
 * information (issue 17, privacy).
 */
final class DemoCustomerInfo {

    /** Fixed, so the feed is the same on every start and a second import changes nothing. */
    private static final String TIME = "2025-01-01T00:00:00Z";

    private static final String TOWN = "<cust:townDetail><cust:name>Greenfield</cust:name>"
            + "<cust:stateOrProvince>CA</cust:stateOrProvince><cust:country>US</cust:country></cust:townDetail>";

    private static final String SUPPLIER = "<cust:Organisation><cust:electronicAddress>"
            + "<cust:web>https://utility.demo.example</cust:web></cust:electronicAddress>"
            + "<cust:organisationName>Greenfield Demo Utility</cust:organisationName></cust:Organisation>"
            + "<cust:kind>utility</cust:kind>";

    private static final String[] STREETS = {"Orchard Lane", "Birch Road", "Market Street", "Cedar Court"};

    private DemoCustomerInfo() {}

    /** {@code number} is the customer's place in the demo list: it makes the street number, account and ids. */
    static byte[] feed(DemoCustomer demo, int number) {
        String customer = "RetailCustomer/demo-info/" + number + "/Customer/" + number;
        String account = customer + "/CustomerAccount/" + number, agreement = account + "/CustomerAgreement/" + number;
        String street = (10 + 17 * number) + " " + STREETS[number % STREETS.length];
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:cust=\"http://naesb.org/espi/customer\">");
        feed.append("<id>urn:uuid:").append(id(customer + "/feed")).append("</id>");
        feed.append("<title>Demo customer information</title><updated>" + TIME + "</updated>");
        entry(feed, customer, "Customer", customer(demo, street, number));
        entry(feed, account, "CustomerAccount", account(number));
        entry(feed, agreement, "CustomerAgreement", agreement(number));
        entry(feed, agreement + "/ServiceSupplier/1", "ServiceSupplier", SUPPLIER);
        for (int i = 0; i < demo.points().size(); i++)
            location(feed, agreement, demo.points().get(i), street, number, i);
        return feed.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String customer(DemoCustomer demo, String street, int number) {
        return "<cust:Organisation>" + address("streetAddress", street, number)
                + "<cust:electronicAddress><cust:email1>" + demo.username() + "@demo.example</cust:email1>"
                + "</cust:electronicAddress><cust:organisationName>" + escape(demo.name())
                + "</cust:organisationName></cust:Organisation><cust:kind>"
                + (demo.points().size() > 2 ? "commercialIndustrial" : "residential")
                + "</cust:kind><cust:customerName>" + escape(demo.name()) + "</cust:customerName>";
    }

    private static String account(int number) {
        return "<cust:name>Demo account</cust:name><cust:billingCycle>" + (1 + number)
                + "</cust:billingCycle><cust:accountId>DEMO-" + (4_000_100 + number) + "</cust:accountId>";
    }

    private static String agreement(int number) {
        return "<cust:name>Demo service agreement</cust:name><cust:signDate>1704067200</cust:signDate>"
                + "<cust:currency>840</cust:currency><cust:agreementId>AGR-DEMO-" + (700 + number)
                + "</cust:agreementId>";
    }

    private static void location(StringBuilder feed, String agreement, Point p, String street, int number, int i) {
        String location = agreement + "/ServiceLocation/" + (i + 1);
        boolean electric = p.kind() == Kind.ELECTRIC;
        entry(
                feed,
                location,
                "ServiceLocation",
                "<cust:type>" + (electric ? "electric" : "gas") + "</cust:type>"
                        + address("mainAddress", street + (i == 0 ? "" : ", meter " + (i + 1)), number)
                        + "<cust:UsagePoints><cust:UsagePoint>RetailCustomer/demo/UsagePoint/" + p.name()
                        + "</cust:UsagePoint></cust:UsagePoints>");
        entry(
                feed,
                location + "/Meter/1",
                "Meter",
                "<cust:type>" + (electric ? "electric" : "gas") + "</cust:type>"
                        + "<cust:serialNumber>" + (electric ? "EM-" : "GM-") + (20_240_000 + p.seed())
                        + "</cust:serialNumber>"
                        + (electric ? "<cust:intervalLength>900</cust:intervalLength>" : ""));
    }

    private static String address(String element, String street, int number) {
        return "<cust:" + element + "><cust:streetDetail><cust:addressGeneral>" + escape(street)
                + "</cust:addressGeneral></cust:streetDetail>" + TOWN + "<cust:postalCode>" + (95_000 + number)
                + "</cust:postalCode></cust:" + element + ">";
    }

    /** An entry whose up link names its parent's collection (the importer's way to place it), titled by its kind. */
    private static void entry(StringBuilder feed, String self, String kind, String content) {
        feed.append("<entry><id>urn:uuid:").append(id(self)).append("</id>");
        feed.append("<link rel=\"self\" href=\"").append(self).append("\"/>");
        feed.append("<link rel=\"up\" href=\"")
                .append(self, 0, self.lastIndexOf('/'))
                .append("\"/>");
        feed.append("<title>").append(kind).append("</title>");
        feed.append("<published>" + TIME + "</published><updated>" + TIME + "</updated>");
        feed.append("<content><cust:").append(kind).append('>').append(content);
        feed.append("</cust:").append(kind).append("></content></entry>");
    }

    private static UUID id(String href) {
        return UUID.nameUUIDFromBytes(href.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
