package dev.gbconnect.custodian.feed.control.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.feed.control.admission.Turns.Turn;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TurnsTest {

    /**
     * Long, so that "within its patience" holds however late a loaded machine schedules the test thread; the sweeps
     * that must find a write past its patience pass a clock that far ahead instead of waiting.
     */
    private static final long PATIENCE = TimeUnit.SECONDS.toNanos(30);

    @Test
    void whenAllTurnsAreHeldThenTheNextWaitsAndGetsNoneAfterItsTimeout() throws Exception {
        Turns turns = new Turns(2, PATIENCE);
        Turn a = turns.take(0, TimeUnit.MILLISECONDS), b = turns.take(0, TimeUnit.MILLISECONDS);
        assertNotNull(a);
        assertNotNull(b);
        assertNull(turns.take(10, TimeUnit.MILLISECONDS));
        a.end();
        assertNotNull(turns.take(0, TimeUnit.MILLISECONDS), "an ended turn is free again");
    }

    @Test
    void whenAWriteReturnsQuicklyThenTheTurnIsKept() throws Exception {
        Turns turns = new Turns(1, PATIENCE);
        Turn t = turns.take(0, TimeUnit.MILLISECONDS);
        t.write(() -> {});
        turns.sweep(System.nanoTime() + PATIENCE * 10);
        assertEquals(0, turns.available(), "a finished write is not swept");
        t.end();
        t.end();
        assertEquals(1, turns.available(), "ending twice frees the turn once");
    }

    @Test
    void whenAWriteBlocksPastThePatienceThenItsTurnGoesToTheNextAndComesBackAfterTheWrite() throws Exception {
        Turns turns = new Turns(1, PATIENCE);
        Turn slow = turns.take(0, TimeUnit.MILLISECONDS);
        CountDownLatch writing = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                slow.write(() -> {
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                slow.end();
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        writer.start();
        assertTrue(writing.await(5, TimeUnit.SECONDS));

        turns.sweep(System.nanoTime());
        assertNull(turns.take(0, TimeUnit.MILLISECONDS), "within its patience the writer keeps its turn");
        turns.sweep(System.nanoTime() + PATIENCE * 2);
        Turn next = turns.take(0, TimeUnit.MILLISECONDS);
        assertNotNull(next, "a write blocked past the patience gives its turn to the next in line");
        turns.sweep(System.nanoTime() + PATIENCE * 4);
        assertEquals(0, turns.available(), "a turn is given away once");

        release.countDown();
        Thread.sleep(50);
        assertTrue(writer.isAlive(), "after its write the slow reader waits for a turn again");
        next.end();
        writer.join(5_000);
        assertNull(failed.get());
        assertEquals(1, turns.available(), "the slow reader took the turn back and ended it");
    }
}
