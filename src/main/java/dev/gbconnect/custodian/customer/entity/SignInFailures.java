package dev.gbconnect.custodian.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Recent failed sign-ins under one key (a username, or a client trying passwords), in the database so that every
 * instance counts the same failures and a lock set on one holds on all.
 */
@Entity
@Table(name = "SIGN_IN_FAILURES")
public class SignInFailures {

    @Id
    @Column(name = "THROTTLE_KEY", length = 200)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "WINDOW_START", nullable = false)
    private Instant windowStart;

    @Column(name = "LOCKED_UNTIL")
    private Instant lockedUntil;

    /** How many times the key was locked in a row: each lock lasts twice the one before. */
    @Column(nullable = false)
    private int locks;

    protected SignInFailures() {}

    public SignInFailures(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
    }

    /** Counts a failure; after {@code max} in one {@code window}, locks for {@code lock} doubled per earlier lock. */
    public void failed(Instant now, int max, Duration window, Duration lock, Duration longest) {
        if (now.isAfter(windowStart.plus(window))) {
            windowStart = now;
            failures = 0;
        }
        if (++failures >= max) {
            Duration d = lock.multipliedBy(1L << Math.min(locks, 20));
            lockedUntil = now.plus(d.compareTo(longest) > 0 ? longest : d);
            locks++;
            failures = 0;
            windowStart = now;
        }
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
