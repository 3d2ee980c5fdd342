package dev.gbconnect.custodian.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 5);

    @Test
    void waitsDoubleFromTheFirstAndStopAtTheLongest() {
        RandomGenerator highest = fixed(Long.MAX_VALUE), lowest = fixed(0);
        assertEquals(Duration.ofSeconds(10), backoff.after(1, highest));
        assertEquals(Duration.ofSeconds(5), backoff.after(1, lowest), "the lower half is never drawn");
        assertEquals(Duration.ofSeconds(20), backoff.after(2, highest));
        assertEquals(Duration.ofSeconds(80), backoff.after(4, highest));
        assertEquals(Duration.ofHours(1), backoff.after(10, highest));
        assertEquals(Duration.ofHours(1), backoff.after(1_000, highest), "no overflow however many failures");
    }

    @Test
    void jitterSpreadsRetriesOverTheUpperHalf() {
        SplittableRandom random = new SplittableRandom(7);
        long least = Long.MAX_VALUE, most = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = backoff.after(3, random).toMillis();
            least = Math.min(least, ms);
            most = Math.max(most, ms);
        }
        assertTrue(least >= 20_000 && least < 21_000, "lowest wait " + least);
        assertTrue(most <= 40_000 && most > 39_000, "highest wait " + most);
    }

    @Test
    void exhaustedAfterTheConfiguredAttempts() {
        assertFalse(backoff.exhausted(4));
        assertTrue(backoff.exhausted(5));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofHours(1), 5));
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 5));
        assertThrows(
                IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0));
    }

    /** A generator whose bounded draws are always the bound's top (MAX_VALUE) or zero. */
    private static RandomGenerator fixed(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public long nextLong(long bound) {
                return value == 0 ? 0 : bound - 1;
            }
        };
    }
}
