package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.audit.entity.AuditEntry;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.console.control.AuthorizationViews;
import dev.gbconnect.custodian.console.control.CustomerViews;
import dev.gbconnect.custodian.console.control.Dashboard;
import dev.gbconnect.custodian.console.control.ThirdPartyViews;
import dev.gbconnect.custodian.console.entity.CustomerImport;
import dev.gbconnect.custodian.console.entity.CustomerImportLine;
import dev.gbconnect.custodian.console.entity.StaffAccount;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
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

    /** {@code customer} fills the upload form's customer field; {@code result} is the filter shown. */
    public record Uploads(
            Frame frame,
            String customer,
            String result,
            List<UploadRecord> entries,
            int page,
            boolean more,
            long maxBytes) {}

    public record Upload(Frame frame, UploadRecord entry) {}

    /** {@code status} null: every registration. */
    public record ThirdParties(Frame frame, Client.Status status, List<Client> clients) {}

    /** {@code newSecret} is shown once, on the answer to the form that made it. */
    public record ThirdParty(Frame frame, ThirdPartyViews.Detail detail, String newSecret) {}

    /** {@code granted} (an offline grant and its refresh token) is shown once, on the answer to the form. */
    public record Authorizations(
            Frame frame,
            AuthorizationViews.Filter filter,
            AuthorizationViews.Found found,
            List<ThirdPartyViews.Offer> offers,
            AuthorizationViews.Granted granted) {}

    public record Imports(Frame frame, List<CustomerImport> recent) {}

    /** An import's progress; {@code invalid}: its first invalid lines. */
    public record Import(Frame frame, CustomerImport run, List<CustomerImportLine> invalid) {}

    public record Audit(Frame frame, AuditLog.Filter filter, List<AuditEntry> entries, int page, boolean more) {}
}
