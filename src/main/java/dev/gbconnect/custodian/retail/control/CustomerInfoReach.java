package dev.gbconnect.custodian.retail.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import java.util.List;

/**
 * Which customer information a caller may read: everything (the data custodian's root form), one retail customer's
 * (the data custodian's customer form), or what some Authorizations share. An Authorization shares personal
 * information only when its granted scope carries FB_53 ({@link EspiScope#grantsCustomerInformation()}), and then
 * only its own customer's records, and of those only the ServiceLocations tied to the UsagePoints chosen at consent,
 * with what hangs below them (Meters, EndDevices) and what they hang from (Customer, CustomerAccount, Statements,
 * CustomerAgreement, ServiceSuppliers, ProgramDateIdMappings). {@link CustomerInfoRows} joins it in the SQL of every
 * read, as the usage reads do; an Authorization without the grant reaches nothing. Download My Data with personal
 * information reaches the same way from the usage points the customer chose on the form ({@code usagePointIds}).
 */
public record CustomerInfoReach(String customerId, List<String> authorizationIds, List<String> usagePointIds) {

    public static final CustomerInfoReach EVERYTHING = new CustomerInfoReach(null, null, null);

    public static CustomerInfoReach customer(String customerId) {
        return new CustomerInfoReach(customerId, null, null);
    }

    /** Download My Data: the customer's own records, of the ServiceLocations serving the chosen usage points. */
    public static CustomerInfoReach download(String customerId, List<String> usagePointIds) {
        return new CustomerInfoReach(customerId, null, List.copyOf(usagePointIds));
    }

    /** What these Authorizations share together: those without the grant add nothing. */
    public static CustomerInfoReach of(List<Authorization> authorizations) {
        return new CustomerInfoReach(
                null,
                authorizations.stream()
                        .filter(a -> EspiScope.parse(a.scope()).grantsCustomerInformation())
                        .map(Authorization::id)
                        .toList(),
                null);
    }

    public static CustomerInfoReach of(Authorization a) {
        return of(List.of(a));
    }

    /** Does it reach only the records of some usage points, rather than whole customers? */
    public boolean byUsagePoints() {
        return authorizationIds != null || usagePointIds != null;
    }

    /** Does it reach anything at all? */
    public boolean any() {
        return ids() == null || !ids().isEmpty();
    }

    /** The Authorizations or usage points it reaches by; null for whole customers. */
    List<String> ids() {
        return authorizationIds != null ? authorizationIds : usagePointIds;
    }
}
