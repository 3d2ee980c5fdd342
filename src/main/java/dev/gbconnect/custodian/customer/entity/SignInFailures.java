package dev.gbconnect.custodian.customer.entity;

import dev.gbconnect.custodian.platform.Brakes;
import dev.gbconnect.custodian.platform.FailureCount;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Recent failed sign-ins under one key (a username, or a client trying passwords), in the database so that every
 * instance counts the same failures and a lock set on one holds on all.
 */
@Entity
@Table(name = "SIGN_IN_FAILURES")
public class SignInFailures implements Brakes.Braked {

    @Id
    @Column(name = "THROTTLE_KEY", length = 200)
    private String key;

    @Embedded
    private FailureCount failures;

    protected SignInFailures() {}

    public SignInFailures(String key, Instant now) {
        this.key = key;
        this.failures = new FailureCount(now);
    }

    @Override
    public FailureCount failures() {
        return failures;
    }
}
