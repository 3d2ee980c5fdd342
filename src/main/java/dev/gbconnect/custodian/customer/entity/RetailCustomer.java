package dev.gbconnect.custodian.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A utility customer whose data we hold; {@code id} is the retailCustomerId of ESPI paths. */
@Entity
@Table(name = "RETAIL_CUSTOMER")
@NamedQuery(name = RetailCustomer.ALL, query = "SELECT c FROM RetailCustomer c ORDER BY c.username")
@NamedQuery(name = RetailCustomer.BY_USERNAME, query = "SELECT c FROM RetailCustomer c WHERE c.username = :username")
public class RetailCustomer {

    public static final String ALL = "RetailCustomer.all";
    public static final String BY_USERNAME = "RetailCustomer.byUsername";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 128)
    private String username;

    /** Null until the customer chooses a password (docs/design.md: customers created in bulk). */
    @Column(name = "PASSWORD_HASH", length = 200)
    private String passwordHash;

    @Column(length = 256)
    private String name;

    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected RetailCustomer() {}

    /** {@code passwordHash} null: the customer cannot sign in until they set a password through a one-time link. */
    public RetailCustomer(String id, String username, String passwordHash, String name, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.username = Objects.requireNonNull(username);
        this.passwordHash = passwordHash;
        this.name = name;
        this.createdAt = createdAt;
        this.enabled = true;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** A new password, as a hash: the customer chose it through a one-time link. */
    public void passwordHash(String hash) {
        this.passwordHash = hash;
    }
}
