package dev.gbconnect.custodian.ingest.control;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;

/**
 * Reads an upload on a second thread while the caller's thread writes what was read, so parsing and database work
 * use both cores. The caller keeps the transaction: only reading moves. A small bounded queue between them keeps
 * memory flat whichever side is slower.
 *
 * <p>{@link #close()} stops the reader and waits for it, so nothing touches the request body once the request is
 * answered.
 */
public final class EntryPipe implements AutoCloseable {

    /** Opens the reader on the reading thread (it consumes the document's prolog). */
    public interface Source {
        GreenButtonReader open() throws XMLStreamException;
    }

    private static final Object END = new Object();
    private static final int CAPACITY = 256;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean cancelled;
    private boolean ended;

    private EntryPipe() {}

    public static EntryPipe start(Executor executor, Source source) {
        EntryPipe pipe = new EntryPipe();
        executor.execute(pipe.reading(source));
        return pipe;
    }

    /** The next entry, or null after the last; a reading failure is rethrown here, on the caller's thread. */
    public AtomEntry take() throws XMLStreamException {
        if (ended) return null;
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the upload to be read", e);
        }
        if (next instanceof AtomEntry entry) return entry;
        ended = true;
        if (next instanceof XMLStreamException e) throw e;
        if (next instanceof RuntimeException e) throw e;
        if (next instanceof Error e) throw e;
        return null;
    }

    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable reading(Source source) {
        return () -> {
            try (GreenButtonReader reader = source.open()) {
                for (AtomEntry entry = reader.next(); entry != null; entry = reader.next()) {
                    if (!hand(entry)) return;
                }
                hand(END);
            } catch (XMLStreamException | RuntimeException | Error e) {
                hand(e);
            } finally {
                stopped.countDown();
            }
        };
    }

    /** False when the caller has stopped listening. */
    private boolean hand(Object item) {
        try {
            while (!cancelled) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
