package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.audit.entity.AuditEntry;
import dev.gbconnect.custodian.console.control.CustomerViews;
import dev.gbconnect.custodian.console.control.Dashboard;
import dev.gbconnect.custodian.console.entity.StaffAccount;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import java.util.List;

/** The models of the console's templates (src/main/jte/console), one record per page. */
public final class Pages {

    private Pages() {}

    /** {@code action} (the local form) and {@code provider} (the identity provider's link) are null when off. */
    public record SignIn(Frame frame, String action, String provider, String csrf, String problem) {}

    public record Home(Frame frame, Dashboard.Figures figures) {}

    public record Customers(Frame frame, String query, List<RetailCustomer> found) {}

    /** {@code resetLink} is shown once, on the answer to the form that made it. */
    public record Customer(Frame frame, CustomerViews.Detail detail, String resetLink) {}

    public record Staff(Frame frame, List<StaffAccount> accounts) {}

    public record Audit(Frame frame, AuditLog.Filter filter, List<AuditEntry> entries, int page, boolean more) {}
}
