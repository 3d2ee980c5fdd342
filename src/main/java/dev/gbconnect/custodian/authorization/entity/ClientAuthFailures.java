package dev.gbconnect.custodian.authorization.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Recent wrong secrets presented for one client, in the database so that every instance of a cluster counts them
 * and holds the client back alike. The row goes when the client next proves itself.
 */
@Entity
@Table(name = "CLIENT_AUTH_FAILURES")
public class ClientAuthFailures {

    /** How a client is held back: {@code maxFailures} within {@code holdBack}, then {@code holdBack}, doubled per repeat. */
    public record Policy(int maxFailures, Duration holdBack, Duration longest) {}

    @Id
    @Column(name = "CLIENT_ID", length = 64)
    private String clientId;

    @Column(nullable = false)
    private int failures;

    @Column(name = "WINDOW_START", nullable = false)
    private Instant windowStart;

    @Column(name = "HELD_UNTIL")
    private Instant heldUntil;

    /** Hold-backs in a row without a success between them. */
    @Column(nullable = false)
    private int holds;

    protected ClientAuthFailures() {}

    public ClientAuthFailures(String clientId, Instant now) {
        this.clientId = clientId;
        this.windowStart = now;
    }

    /**
     * Counts a wrong secret and answers until when the client is held back, if it now is. A failure counted while
     * a hold-back is already in force (another instance had not heard of it yet) changes nothing.
     */
    public Instant failed(Instant now, Policy policy) {
        if (heldUntil != null && now.isBefore(heldUntil)) return heldUntil;
        if (!now.isBefore(windowStart.plus(policy.holdBack()))) {
            windowStart = now;
            failures = 0;
        }
        failures++;
        if (failures < policy.maxFailures()) return null;
        Duration hold = policy.holdBack().multipliedBy(1L << Math.min(holds, 20));
        heldUntil = now.plus(hold.compareTo(policy.longest()) < 0 ? hold : policy.longest());
        holds++;
        failures = 0;
        windowStart = heldUntil;
        return heldUntil;
    }
}
