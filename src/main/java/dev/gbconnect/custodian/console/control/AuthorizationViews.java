package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.oauth.control.OfflineAuthorization;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PageError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Customers' Authorizations as staff handle them: found by customer, third party and status; ended on a customer's
 * behalf; and granted offline on a customer's behalf through the admin API's own {@link OfflineAuthorization}, so the
 * same checks apply. Back-office Authorizations (a client's own client_credentials access) are not shown here.
 */
@ApplicationScoped
public class AuthorizationViews {

    static final int SHOWN = 100;
    private static final String TITLE = "Authorizations";

    /** Customer: username or name contains, or the id. Third party: name contains, or the client id. Blank: any. */
    public record Filter(String customer, String thirdParty, Integer status) {}

    /** An Authorization with the names staff know its customer and third party by. */
    public record Row(Authorization authorization, String customerUsername, String clientName) {
        public String state() {
            return switch (authorization.status()) {
                case Authorization.ACTIVE -> "active";
                case Authorization.REVOKED -> "revoked";
                default -> "denied";
            };
        }
    }

    /** At most {@link #SHOWN} rows, newest first, and whether more match. */
    public record Found(List<Row> rows, boolean more) {}

    /** An offline grant: the refresh token for the third party, shown once, and the Authorization it opens. */
    public record Granted(Authorization authorization, String customerUsername, String refreshToken) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizations authorizations;

    @Inject
    OfflineAuthorization offline;

    public Found search(Filter f) {
        StringBuilder jpql = new StringBuilder("SELECT a, r.username, c.name FROM Authorization a"
                + " LEFT JOIN RetailCustomer r ON r.id = a.customerId LEFT JOIN Client c ON c.id = a.clientId"
                + " WHERE a.customerId IS NOT NULL");
        if (given(f.customer()))
            jpql.append(" AND (a.customerId = :customer OR LOWER(r.username) LIKE :customerLike ESCAPE '\\'"
                    + " OR LOWER(r.name) LIKE :customerLike ESCAPE '\\')");
        if (given(f.thirdParty()))
            jpql.append(" AND (a.clientId = :client OR LOWER(c.name) LIKE :clientLike ESCAPE '\\')");
        if (f.status() != null) jpql.append(" AND a.status = :status");
        TypedQuery<Object[]> q =
                em.createQuery(jpql.append(" ORDER BY a.createdAt DESC, a.id").toString(), Object[].class);
        if (given(f.customer()))
            q.setParameter("customer", f.customer().strip())
                    .setParameter("customerLike", CustomerViews.like(f.customer()));
        if (given(f.thirdParty()))
            q.setParameter("client", f.thirdParty().strip())
                    .setParameter("clientLike", CustomerViews.like(f.thirdParty()));
        if (f.status() != null) q.setParameter("status", f.status());
        List<Row> rows = q.setMaxResults(SHOWN + 1).getResultList().stream()
                .map(r -> new Row((Authorization) r[0], (String) r[1], (String) r[2]))
                .toList();
        return new Found(rows.subList(0, Math.min(SHOWN, rows.size())), rows.size() > SHOWN);
    }

    /** Ends a customer's active Authorization; a second request for the same one is refused, not repeated. */
    public Authorization revoke(String id) {
        Authorization a = authorizations
                .find(id)
                .filter(x -> x.customerId() != null)
                .orElseThrow(() -> PageError.NOT_FOUND.on(TITLE, "There is no customer Authorization " + id + "."));
        if (a.status() != Authorization.ACTIVE)
            throw PageError.CONFLICT.on(TITLE, "Authorization " + id + " has already ended: nothing changed.");
        authorizations.end(a, "ended by the data custodian's staff on the customer's behalf");
        return a;
    }

    /**
     * Offline authorization for the customer with this username, to a third party's scope ({@code offer}: its id,
     * a space, the scope), until the day given. One active offline grant per customer, third party and scope, so a
     * form sent twice grants once.
     */
    public Granted offline(String username, String offer, String until, String reason) {
        RetailCustomer customer = em.createNamedQuery(RetailCustomer.BY_USERNAME, RetailCustomer.class)
                .setParameter("username", username == null ? "" : username.strip())
                .getResultStream()
                .findFirst()
                .orElseThrow(
                        () -> PageError.INVALID.on(TITLE, "There is no customer with the username " + username + "."));
        String[] chosen = offer == null ? new String[0] : offer.split(" ", 2);
        if (chosen.length != 2) throw PageError.INVALID.on(TITLE, "Choose the third party and the scope to grant.");
        authorizations.ofCustomer(customer.id()).stream()
                .filter(a -> a.status() == Authorization.ACTIVE
                        && "offline".equals(a.grantType())
                        && a.clientId().equals(chosen[0])
                        && a.scope().equals(chosen[1]))
                .findFirst()
                .ifPresent(a -> {
                    throw PageError.CONFLICT.on(
                            TITLE,
                            customer.username() + " already has an active offline Authorization for this third party"
                                    + " and scope (" + a.id() + "): end it first to grant a new one.");
                });
        try {
            Tokens.Issued issued = offline.grant(
                    customer.id(), new OfflineAuthorization.Request(chosen[0], chosen[1], null, until, reason));
            return new Granted(issued.authorization(), customer.username(), issued.refreshToken());
        } catch (ApiException e) {
            throw PageError.INVALID.on(TITLE, "Nothing was granted: " + e.getMessage() + ".");
        }
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
