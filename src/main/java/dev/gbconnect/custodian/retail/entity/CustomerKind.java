package dev.gbconnect.custodian.retail.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The resources of ESPI's customer.xsd and where each hangs in a retail customer's tree. The tree is GBA's API
 * description (openapi-starter): Customer, CustomerAccount, CustomerAgreement, then the agreement's ServiceLocations,
 * ServiceSuppliers and ProgramDateIdMappings, and a ServiceLocation's Meters and EndDevices. That description
 * serves Statement only at the root; customer.xsd makes it a billing statement, so it hangs under its
 * CustomerAccount (docs/feeds.md).
 */
public enum CustomerKind {
    CUSTOMER("Customer", null),
    CUSTOMER_ACCOUNT("CustomerAccount", CUSTOMER),
    STATEMENT("Statement", CUSTOMER_ACCOUNT),
    CUSTOMER_AGREEMENT("CustomerAgreement", CUSTOMER_ACCOUNT),
    SERVICE_SUPPLIER("ServiceSupplier", CUSTOMER_AGREEMENT),
    PROGRAM_DATE_ID_MAPPINGS("ProgramDateIdMappings", CUSTOMER_AGREEMENT),
    SERVICE_LOCATION("ServiceLocation", CUSTOMER_AGREEMENT),
    METER("Meter", SERVICE_LOCATION),
    END_DEVICE("EndDevice", SERVICE_LOCATION);

    /** The kinds as a JAX-RS path regular expression. */
    public static final String NAMES =
            "Customer|CustomerAccount|Statement|CustomerAgreement|ServiceSupplier|ProgramDateIdMappings|"
                    + "ServiceLocation|Meter|EndDevice";

    private final String espiName;
    private final CustomerKind parent;

    CustomerKind(String espiName, CustomerKind parent) {
        this.espiName = espiName;
        this.parent = parent;
    }

    public String espiName() {
        return espiName;
    }

    /** Null for Customer, the top of the tree below the RetailCustomer. */
    public CustomerKind parent() {
        return parent;
    }

    public List<CustomerKind> children() {
        return Arrays.stream(values()).filter(k -> k.parent == this).toList();
    }

    public static Optional<CustomerKind> named(String espiName) {
        return Arrays.stream(values()).filter(k -> k.espiName.equals(espiName)).findFirst();
    }
}
