package dev.gbconnect.custodian.retail.control;

import dev.gbconnect.custodian.atom.AtomWriter.Link;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Row;
import dev.gbconnect.custodian.retail.entity.CustomerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a document's entries live, and the links they carry: the customer form
 * ({@code RetailCustomer/{rc}/Customer/{c}/CustomerAccount/{a}/…}) or the root form ({@code CustomerAccount/{a}}),
 * with the caller's reach; a bulk document holds several customers' trees, each entry in its own customer's form.
 * Links keep the form of the request, as GBA's examples show them: self, up (the collection), related to the child
 * collections and to the parent; a ServiceLocation also links to the UsagePoints it serves. The root form has no
 * child collections, so an entry read there links to them in the customer form.
 */
public record CustomerTree(EspiUris uris, boolean customerForm, CustomerInfoReach reach) {

    public static CustomerTree root(EspiUris uris, CustomerInfoReach reach) {
        return new CustomerTree(uris, false, reach);
    }

    public static CustomerTree customers(EspiUris uris, CustomerInfoReach reach) {
        return new CustomerTree(uris, true, reach);
    }

    /** The collection a row belongs to: below its parent (customer form), or the root one. */
    private String collection(Row r) {
        if (!customerForm) return uris.resource(r.kind().espiName());
        String parentPath = parentPath(r.path());
        return inCustomerForm(
                r.customerId(),
                (parentPath == null ? "" : parentPath + "/") + r.kind().espiName());
    }

    List<Link> links(Row r, List<String> usagePoints) {
        List<Link> links = new ArrayList<>();
        String self = customerForm ? own(r) : uris.resource(r.kind().espiName() + "/" + r.id());
        links.add(Link.self(self, entry(r.kind())));
        links.add(Link.up(collection(r), feed(r.kind())));
        for (CustomerKind child : r.kind().children()) {
            links.add(new Link("related", own(r) + "/" + child.espiName(), feed(child)));
        }
        if (r.parentId() != null)
            links.add(new Link("related", parent(r), entry(r.kind().parent())));
        for (String usagePoint : usagePoints) {
            links.add(new Link("related", uris.resource("UsagePoint/" + usagePoint), "espi-entry/UsagePoint"));
        }
        return links;
    }

    private String own(Row r) {
        return inCustomerForm(r.customerId(), r.path());
    }

    private String parent(Row r) {
        CustomerKind kind = r.kind().parent();
        return customerForm
                ? inCustomerForm(r.customerId(), parentPath(r.path()))
                : uris.resource(kind.espiName() + "/" + r.parentId());
    }

    private String inCustomerForm(String customerId, String path) {
        return uris.resource("RetailCustomer/" + customerId + "/" + path);
    }

    /** {@code Customer/c/CustomerAccount/a} → {@code Customer/c}; null for a Customer. */
    static String parentPath(String path) {
        int kindSlash = path.lastIndexOf('/', path.lastIndexOf('/') - 1);
        return kindSlash < 0 ? null : path.substring(0, kindSlash);
    }

    /** GBA's link types for the customer resources ({@code cust-entry/…}, {@code cust-feed/…}). */
    public static String entry(CustomerKind kind) {
        return "cust-entry/" + kind.espiName();
    }

    public static String feed(CustomerKind kind) {
        return "cust-feed/" + kind.espiName();
    }
}
