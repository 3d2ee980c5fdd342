package dev.gbconnect.custodian.feed.control.admission;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded number of turns to work, handed out first come first served. A holder keeps its turn through quick
 * network writes; {@link #sweep} takes it from one whose write has been blocked longer than the patience (its
 * client reads slowly) and gives it to the next in line, and the holder queues again once the write is done. So
 * a client that stops reading holds its connection, never a turn, and fast answers are not slowed by handing
 * turns back and forth on every write.
 */
public final class Turns {

    private static final int HELD = 0, WRITING = 1, YIELDED = 2, ENDED = 3;

    private final Semaphore free;
    private final long patienceNanos;
    private final Set<Turn> writing = ConcurrentHashMap.newKeySet();

    public Turns(int count, long patienceNanos) {
        free = new Semaphore(count, true);
        this.patienceNanos = patienceNanos;
    }

    /** A turn, or null when none came free within the timeout. */
    public Turn take(long timeout, TimeUnit unit) throws InterruptedException {
        return free.tryAcquire(timeout, unit) ? new Turn() : null;
    }

    /** Takes the turns of writes blocked since before {@code now} minus the patience ({@link System#nanoTime}). */
    public void sweep(long now) {
        for (Turn t : writing) {
            if (now - t.writingSince > patienceNanos && t.state.compareAndSet(WRITING, YIELDED)) free.release();
        }
    }

    /** Reads waiting for a turn right now. */
    public int waiting() {
        return free.getQueueLength();
    }

    /** Turns free right now, for tests. */
    public int available() {
        return free.availablePermits();
    }

    /** One holder's turn; used by one thread, swept by another. */
    public final class Turn {
        private final AtomicInteger state = new AtomicInteger(HELD);
        private volatile long writingSince;

        private Turn() {}

        /** Runs a network write; the turn may go to another while it blocks, and is back when this returns. */
        public void write(Write write) throws IOException {
            writingSince = System.nanoTime();
            state.set(WRITING);
            writing.add(this);
            try {
                write.run();
            } finally {
                writing.remove(this);
                if (!state.compareAndSet(WRITING, HELD)) {
                    free.acquireUninterruptibly();
                    state.set(HELD);
                }
            }
        }

        /** Gives the turn back for good. */
        public void end() {
            if (state.getAndSet(ENDED) == HELD) free.release();
        }
    }

    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }
}
