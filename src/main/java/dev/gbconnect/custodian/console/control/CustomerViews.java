package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.control.SignIns;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The customers as staff look them up: search, and one customer with their usage points and Authorizations. */
@ApplicationScoped
public class CustomerViews {

    static final int MAX_FOUND = 50;

    /** A usage point of the customer. */
    public record Point(String id, String title, Integer serviceKind) {}

    /** An Authorization of the customer, as staff need to see it. */
    public record Grant(String id, String clientId, String scope, int status, Instant since, Instant until) {
        public String state() {
            return switch (status) {
                case Authorization.ACTIVE -> "active";
                case Authorization.REVOKED -> "revoked";
                default -> "denied";
            };
        }
    }

    /** How many of a customer's latest failed sign-ins their page lists. */
    static final int FAILURES = 20;

    /** One customer's page; {@code signInFailures} newest first (issue 19 item 4). */
    public record Detail(
            RetailCustomer customer,
            List<Point> usagePoints,
            List<Grant> authorizations,
            List<SignInRecord> signInFailures) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    SignIns signIns;

    /**
     * At most {@link #MAX_FOUND} customers whose username or name contains {@code text} (any case), who own the
     * usage point with that id or a title containing it, or whose customer information (retail) has a CustomerAccount
     * with exactly that {@code accountId} (an indexed column).
     */
    public List<RetailCustomer> search(String text) {
        return em.createQuery(
                        "SELECT c FROM RetailCustomer c WHERE LOWER(c.username) LIKE :like ESCAPE '\\'"
                                + " OR LOWER(c.name) LIKE :like ESCAPE '\\' OR c.id IN (SELECT u.customer.id FROM"
                                + " UsagePoint u WHERE u.id = :exact OR LOWER(u.title) LIKE :like ESCAPE '\\')"
                                + " OR c.id IN (SELECT r.customerId FROM CustomerResource r WHERE r.xsdAccountId = :exact)"
                                + " ORDER BY c.username",
                        RetailCustomer.class)
                .setParameter("like", like(text))
                .setParameter("exact", text.strip())
                .setMaxResults(MAX_FOUND)
                .getResultList();
    }

    /** A LIKE pattern (with {@code ESCAPE '\\'}) for "contains this text, in any case". */
    static String like(String text) {
        return "%"
                + text.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    /** The customer creation of the admin API, its refusals as pages. */
    public RetailCustomer create(String username, String name, String password) {
        try {
            return customers.create(username, password, name == null || name.isBlank() ? null : name.strip());
        } catch (ApiException e) {
            throw (e.error() == ApiError.DUPLICATE_USERNAME ? PageError.CONFLICT : PageError.INVALID)
                    .on("Customers", "The customer was not created: " + e.getMessage() + ".");
        }
    }

    public Detail detail(String id) {
        RetailCustomer c;
        try {
            c = customers.find(id);
        } catch (ApiException e) {
            throw PageError.NOT_FOUND.on("Customer", "There is no customer " + id + ".");
        }
        List<Point> points = em.createQuery(
                        "SELECT u FROM UsagePoint u WHERE u.customer.id = :id ORDER BY u.title, u.id", UsagePoint.class)
                .setParameter("id", c.id())
                .getResultStream()
                .map(u -> new Point(u.id(), u.title(), u.serviceKind()))
                .toList();
        List<Grant> grants = em.createNamedQuery(Authorization.OF_CUSTOMER, Authorization.class)
                .setParameter("customer", c.id())
                .getResultStream()
                .map(a ->
                        new Grant(a.id(), a.clientId(), a.scope(), a.status(), a.authorizedStart(), a.authorizedEnd()))
                .toList();
        return new Detail(c, points, grants, signIns.recentFailures(c.id(), FAILURES));
    }
}
