package dev.gbconnect.custodian.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Generated bulk customer information (customer.xsd), for {@code POST …/Batch/RetailCustomer}: for each customer
 * {@code <prefix>-<n>} a Customer and below it a CustomerAccount, names and numbers invented, entry ids name-based so
 * the same call gives the same file. Written as it goes, so a benchmark's 100,000 customers never sit in memory.
 */
public final class CustomerInfoFiles {

    static final String BASE = "https://utility.example/espi/1_1/resource/RetailCustomer/";

    private CustomerInfoFiles() {}

    public static String username(String prefix, int n) {
        return prefix + "-" + n;
    }

    /** The file in memory; {@code invalidLast}: the last customer's account breaks customer.xsd. */
    public static byte[] bulk(String prefix, int customers, boolean invalidLast) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, prefix, customers, invalidLast);
        return out.toByteArray();
    }

    public static void write(OutputStream out, String prefix, int customers, boolean invalidLast) {
        try {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:cust=\"http://naesb.org/espi/customer\">\n"
                            + "<id>" + id(prefix, "feed") + "</id><title>Bulk customer information</title>"
                            + "<updated>2025-03-01T00:00:00Z</updated>\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (int n = 0; n < customers; n++) {
                out.write(customer(prefix, n, invalidLast && n == customers - 1).getBytes(StandardCharsets.UTF_8));
            }
            out.write("</feed>\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String customer(String prefix, int n, boolean invalid) {
        String key = username(prefix, n),
                customer = BASE + key + "/Customer/C1",
                account = customer + "/CustomerAccount/A1";
        return entry(
                        id(key, "customer"),
                        customer,
                        customer + "/CustomerAccount",
                        "Customer",
                        "<cust:Customer><cust:kind>residential</cust:kind><cust:locale>en_US</cust:locale>"
                                + "<cust:customerName>Customer " + n + "</cust:customerName></cust:Customer>")
                + entry(
                        id(key, "account"),
                        account,
                        customer + "/CustomerAccount",
                        "CustomerAccount",
                        "<cust:CustomerAccount><cust:name>Home account</cust:name><cust:type>residential</cust:type>"
                                + "<cust:billingCycle>" + (n % 28 + 1) + "</cust:billingCycle>"
                                + (invalid ? "<cust:accountKey>" : "<cust:accountId>") + "ACCT-" + n
                                + (invalid ? "</cust:accountKey>" : "</cust:accountId>") + "</cust:CustomerAccount>");
    }

    private static String entry(String id, String self, String related, String title, String content) {
        return "<entry><id>" + id + "</id><link rel=\"self\" href=\"" + self + "\"/>"
                + "<link rel=\"up\" href=\"" + self.substring(0, self.lastIndexOf('/')) + "\"/>"
                + (title.equals("Customer") ? "<link rel=\"related\" href=\"" + related + "\"/>" : "")
                + "<title>" + title + "</title><published>2025-01-01T00:00:00Z</published>"
                + "<updated>2025-02-01T00:00:00Z</updated><content>" + content + "</content></entry>\n";
    }

    private static String id(String key, String what) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((key + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
