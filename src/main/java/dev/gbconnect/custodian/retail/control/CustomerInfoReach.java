package dev.gbconnect.custodian.retail.control;

/**
 * Which customer information a caller may read. This slice serves the data custodian alone, who reads everything
 * or, on the customer form, one retail customer's. A third party's Authorization (the customer's own records, and
 * only the ServiceLocations chosen at consent) becomes one more condition here, joined in the SQL of every read
 * ({@link CustomerInfoRows}), as the usage reads do.
 */
public record CustomerInfoReach(String customerId) {

    public static final CustomerInfoReach EVERYTHING = new CustomerInfoReach(null);

    public static CustomerInfoReach customer(String customerId) {
        return new CustomerInfoReach(customerId);
    }
}
