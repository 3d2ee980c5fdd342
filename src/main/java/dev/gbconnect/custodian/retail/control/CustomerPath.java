package dev.gbconnect.custodian.retail.control;

import dev.gbconnect.custodian.retail.entity.CustomerKind;
import java.util.Optional;

/**
 * A path of the customer form below {@code RetailCustomer/{rc}/}: kinds and ids alternating down the tree
 * ({@code Customer/{c}/CustomerAccount/{a}/CustomerAgreement}), ending with a kind (a collection) or an id (an entry).
 * Each kind must be a child of the one before it ({@link CustomerKind}).
 */
public record CustomerPath(CustomerKind kind, String parentPath, String id) {

    /** Empty when the path names no place in the tree; a trailing slash is allowed on collections. */
    public static Optional<CustomerPath> parse(String path) {
        String[] segments =
                path.endsWith("/") ? path.substring(0, path.length() - 1).split("/", -1) : path.split("/", -1);
        CustomerKind kind = null;
        String parentPath = null;
        for (int i = 0; i < segments.length; i += 2) {
            CustomerKind next = CustomerKind.named(segments[i]).orElse(null);
            if (next == null || next.parent() != kind) return Optional.empty();
            if (kind != null)
                parentPath = (parentPath == null ? "" : parentPath + "/") + kind.espiName() + "/" + segments[i - 1];
            kind = next;
            if (i + 1 < segments.length && segments[i + 1].isEmpty()) return Optional.empty();
        }
        boolean entry = segments.length % 2 == 0;
        return Optional.of(new CustomerPath(kind, parentPath, entry ? segments[segments.length - 1] : null));
    }

    public boolean entry() {
        return id != null;
    }

    /** The stored path of the entry, or of the collection's parent (null for the Customer collection). */
    public String path() {
        return entry() ? (parentPath == null ? "" : parentPath + "/") + kind.espiName() + "/" + id : parentPath;
    }

    @Override
    public String toString() {
        return (parentPath == null ? "" : parentPath + "/") + kind.espiName() + (entry() ? "/" + id : "");
    }
}
