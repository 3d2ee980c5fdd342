package dev.gbconnect.custodian.notification.control;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a notice again: the wait doubles from {@code first} up to {@code longest}, and each wait is drawn
 * from its upper half, so that third parties failing at the same moment are not all retried at the same moment.
 */
public record Backoff(Duration first, Duration longest, int attempts) {

    public Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException(
                    "notification retries need first > 0, longest >= first and at least one attempt");
        }
    }

    /** Is a notice that has failed this many times done for? */
    public boolean exhausted(int failed) {
        return failed >= attempts;
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration after(int failed, RandomGenerator random) {
        long cap = longest.toMillis();
        long full = first.toMillis() << Math.min(Math.max(failed - 1, 0), 30);
        long wait = full <= 0 || full > cap ? cap : full;
        return Duration.ofMillis(wait / 2 + random.nextLong(wait / 2 + 1));
    }
}
