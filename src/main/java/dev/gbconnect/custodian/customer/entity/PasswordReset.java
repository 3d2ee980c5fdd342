package dev.gbconnect.custodian.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time link that lets a customer choose a new password, made by staff (issue 19). The link holds a random
 * token and this row its hash; using it deletes the row, so it works once, on whichever instance.
 */
@Entity
@Table(name = "PASSWORD_RESET")
public class PasswordReset {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 36)
    private String customerId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected PasswordReset() {}

    public PasswordReset(String tokenHash, String customerId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.customerId = customerId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String customerId() {
        return customerId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
