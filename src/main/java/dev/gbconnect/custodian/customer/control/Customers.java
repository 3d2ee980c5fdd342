package dev.gbconnect.custodian.customer.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.feed.control.EntryIds;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Creating, finding and disabling retail customers; joins the caller's transaction. */
@ApplicationScoped
public class Customers {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,127}");

    @PersistenceContext
    EntityManager em;

    public RetailCustomer create(String username, String password, String name) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid("username must be 3 to 128 characters: letters, digits and . _ @ + - (starting with a letter or digit)");
        }
        if (password == null || password.length() < 8 || password.length() > 256) {
            throw invalid("password must be 8 to 256 characters");
        }
        if (name != null && name.length() > 256) throw invalid("name must be at most 256 characters");
        if (!em.createNamedQuery(RetailCustomer.BY_USERNAME, RetailCustomer.class)
                .setParameter("username", username).getResultList().isEmpty()) {
            throw new ApiException(Response.Status.CONFLICT, "duplicate_username", "username " + username + " is taken");
        }
        RetailCustomer customer = new RetailCustomer(EntryIds.of("RetailCustomer", username), username,
                PasswordHash.hash(password), name, Instant.now());
        em.persist(customer);
        return customer;
    }

    public List<RetailCustomer> all() {
        return em.createNamedQuery(RetailCustomer.ALL, RetailCustomer.class).getResultList();
    }

    public RetailCustomer find(String id) {
        RetailCustomer c = id == null ? null : em.find(RetailCustomer.class, id);
        if (c == null) throw ApiException.notFound("retail customer " + id);
        return c;
    }

    public boolean exists() {
        return !em.createNamedQuery(RetailCustomer.ALL, RetailCustomer.class).setMaxResults(1).getResultList().isEmpty();
    }

    private static ApiException invalid(String message) {
        return new ApiException(Response.Status.BAD_REQUEST, "invalid_request", message);
    }
}
