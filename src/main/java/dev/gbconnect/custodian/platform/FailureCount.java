package dev.gbconnect.custodian.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * Recent failures under one key (a username, a client), and the lock they earned: the one counting rule of every
 * brute-force brake ({@link Brakes}). Stored in its owner's row, so that every instance counts the same failures
 * and a lock set on one holds on all.
 */
@Embeddable
public class FailureCount {

    /** {@code maxFailures} within {@code window} lock the key for {@code lock}, doubled per lock in a row, up to {@code longest}. */
    public record Policy(int maxFailures, Duration window, Duration lock, Duration longest) {}

    @Column(nullable = false)
    private int failures;

    @Column(name = "WINDOW_START", nullable = false)
    private Instant windowStart;

    @Column(name = "LOCKED_UNTIL")
    private Instant lockedUntil;

    /** Locks in a row without a success between them. */
    @Column(nullable = false)
    private int locks;

    protected FailureCount() {}

    public FailureCount(Instant now) {
        this.windowStart = now;
    }

    /**
     * Counts a failure and answers until when the key is locked, if it now is. A failure counted while a lock is in
     * force (another instance had not heard of it yet) changes nothing. Failures after a lock count from its end.
     */
    public Instant failed(Instant now, Policy policy) {
        if (lockedAt(now)) return lockedUntil;
        if (!now.isBefore(windowStart.plus(policy.window()))) {
            windowStart = now;
            failures = 0;
        }
        if (++failures < policy.maxFailures()) return null;
        Duration lock = policy.lock().multipliedBy(1L << Math.min(locks, 20));
        lockedUntil = now.plus(lock.compareTo(policy.longest()) < 0 ? lock : policy.longest());
        locks++;
        failures = 0;
        windowStart = lockedUntil;
        return lockedUntil;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
