package dev.gbconnect.custodian.authorization.entity;

import dev.gbconnect.custodian.platform.Brakes;
import dev.gbconnect.custodian.platform.FailureCount;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Recent wrong secrets presented for one client, in the database so that every instance of a cluster counts them
 * and holds the client back alike. The row goes when the client next proves itself. Its lock is called a hold-back
 * here, as in the columns V5 created.
 */
@Entity
@Table(name = "CLIENT_AUTH_FAILURES")
public class ClientAuthFailures implements Brakes.Braked {

    @Id
    @Column(name = "CLIENT_ID", length = 64)
    private String clientId;

    @Embedded
    @AttributeOverride(name = "lockedUntil", column = @Column(name = "HELD_UNTIL"))
    @AttributeOverride(name = "locks", column = @Column(name = "HOLDS", nullable = false))
    private FailureCount failures;

    protected ClientAuthFailures() {}

    public ClientAuthFailures(String clientId, Instant now) {
        this.clientId = clientId;
        this.failures = new FailureCount(now);
    }

    @Override
    public FailureCount failures() {
        return failures;
    }
}
