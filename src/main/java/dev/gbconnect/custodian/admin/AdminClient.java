package dev.gbconnect.custodian.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The data custodian's own back-office client; only the hash of its secret is kept. */
@Entity
@Table(name = "ADMIN_CLIENT")
public class AdminClient {

    @Id
    @Column(name = "CLIENT_ID", length = 128)
    private String clientId;

    @Column(name = "SECRET_HASH", nullable = false, length = 200)
    private String secretHash;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected AdminClient() {
    }

    public AdminClient(String clientId, String secretHash, Instant createdAt) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    public String clientId() { return clientId; }
    public String secretHash() { return secretHash; }

    public void secretHash(String hash) {
        this.secretHash = hash;
    }
}
