package dev.gbconnect.custodian.authorization.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One secret of a client; only its hash is kept. A client has at most two active ones, so it can rotate. */
@Entity
@Table(name = "CLIENT_SECRET", indexes = @Index(name = "CLIENT_SECRET_CLIENT", columnList = "CLIENT_ID"))
@NamedQuery(
        name = ClientSecret.ACTIVE,
        query = "SELECT s FROM ClientSecret s WHERE s.clientId = :client AND s.revokedAt IS NULL ORDER BY s.createdAt")
public class ClientSecret {

    public static final String ACTIVE = "ClientSecret.active";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    @Column(name = "SECRET_HASH", nullable = false, length = 200)
    private String hash;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    protected ClientSecret() {}

    public ClientSecret(String id, String clientId, String hash, Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.hash = hash;
        this.createdAt = createdAt;
    }

    public void revoke(Instant now) {
        revokedAt = now;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String hash() {
        return hash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
