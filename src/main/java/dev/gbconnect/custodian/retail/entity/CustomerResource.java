package dev.gbconnect.custodian.retail.entity;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.usage.entity.DescribedResource;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One customer.xsd resource of a retail customer, kept like the descriptive usage resources: the validated element
 * as imported, plus the columns queries and links use (its kind, its customer, its parent and its path below the
 * customer). A ServiceLocation also holds the UsagePoints it serves.
 */
@Entity
@Table(
        name = "CUSTOMER_RESOURCE",
        indexes = {
            @Index(name = "CUSTOMER_RESOURCE_PATH", columnList = "CUSTOMER_ID, RESOURCE_PATH", unique = true),
            @Index(name = "CUSTOMER_RESOURCE_KIND", columnList = "KIND, CUSTOMER_ID, RESOURCE_PATH"),
            @Index(name = "CUSTOMER_RESOURCE_ACCOUNT", columnList = "ACCOUNT_ID")
        })
public class CustomerResource extends DescribedResource {

    /** Five levels of kind name and id at most (CustomerKind), about 250 characters. */
    public static final int PATH_LENGTH = 400;

    @Column(name = "KIND", nullable = false, length = 32)
    private String kind;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 36)
    private String customerId;

    /**
     * Never read or written (the column is written through {@link #customerId}): it gives the schema EclipseLink
     * generates, which the migrations must equal (SchemaMigrationIT), the foreign key to the customer.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(
            name = "CUSTOMER_ID",
            insertable = false,
            updatable = false,
            foreignKey = @ForeignKey(name = "CUSTOMER_RESOURCE_CUSTOMER"))
    private RetailCustomer customer;

    @Column(name = "PARENT_ID", length = 36)
    private String parentId;

    @Column(name = "RESOURCE_PATH", nullable = false, length = PATH_LENGTH)
    private String path;

    /**
     * A CustomerAccount's {@code accountId} (customer.xsd, String256), the number a customer gives when they call:
     * staff look customers up by it (the console's search), so it is a column, not only inside the element. Named to
     * sort after every other attribute: EclipseLink orders a table's columns by attribute name, and the migration
     * that added it (V15) can only append it (SchemaMigrationIT holds the two equal).
     */
    @Column(name = "ACCOUNT_ID", length = 256)
    private String xsdAccountId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(
            name = "SERVICE_LOCATION_USAGE_POINT",
            joinColumns = @JoinColumn(name = "SERVICE_LOCATION_ID", nullable = false),
            indexes = @Index(name = "SERVICE_LOCATION_OF_USAGE_POINT", columnList = "USAGE_POINT_ID"))
    @Column(name = "USAGE_POINT_ID", length = 36, nullable = false)
    private Set<String> usagePoints = new HashSet<>();

    protected CustomerResource() {}

    /** Place it with {@link #place} before persisting it. */
    public CustomerResource(String id, CustomerKind kind, String customerId) {
        super(id);
        this.kind = kind.espiName();
        this.customerId = Objects.requireNonNull(customerId);
    }

    /**
     * Puts the resource below its parent (null for a Customer), given by id and path; a later file may move it (a
     * meter to another location). Answers whether it moved.
     */
    public boolean place(String parentId, String parentPath) {
        if ((parentId == null) != (CustomerKind.named(kind).orElseThrow().parent() == null)) {
            throw new IllegalArgumentException(this + " cannot hang below " + parentId);
        }
        String before = path;
        this.parentId = parentId;
        path = path(CustomerKind.named(kind).orElseThrow(), id(), parentId == null ? null : parentPath);
        return !path.equals(before);
    }

    /** The path below the customer of a resource of this kind and id whose parent is at {@code parentPath} (null: none). */
    public static String path(CustomerKind kind, String id, String parentPath) {
        return (parentPath == null ? "" : parentPath + "/") + kind.espiName() + "/" + id;
    }

    /** Replaces the UsagePoints a ServiceLocation serves; true if they changed. */
    public boolean usagePoints(Set<String> ids) {
        if (usagePoints.equals(ids)) return false;
        usagePoints.clear();
        usagePoints.addAll(ids);
        return true;
    }

    @Override
    protected void describe(Map<String, String> fields) {
        // The tree columns come from the file's links; of the content, only the account number is queried.
        xsdAccountId = accountNumber(kind, fields);
    }

    /** The account number a resource of this kind keeps in its column (a CustomerAccount's), from its leaf values. */
    public static String accountNumber(String kind, Map<String, String> fields) {
        return CustomerKind.CUSTOMER_ACCOUNT.espiName().equals(kind) ? fields.get("accountId") : null;
    }

    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return kind + " " + id();
    }
}
