package dev.gbconnect.custodian.atom;

import dev.gbconnect.custodian.platform.Refusal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * A read-only connection for one document. PostgreSQL streams a result set only inside a transaction, so autocommit
 * is off while the document is read; closing rolls back (nothing was written) and restores autocommit before the
 * connection goes back to the pool.
 */
public abstract class DocumentRead implements AutoCloseable {

    protected final Connection connection;

    protected DocumentRead(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /** What a document does with a read before its first byte. */
    @FunctionalInterface
    public interface Work<R extends DocumentRead, T> {
        T on(R read) throws Exception;
    }

    /**
     * Runs the reads a document makes before its first byte, on a read of its own: a refusal passes to its mapper,
     * anything else is the server's fault and says what was being read.
     */
    public static <R extends DocumentRead, T> T before(Callable<R> open, String what, Work<R, T> work) {
        try (R read = open.call()) {
            return work.on(read);
        } catch (Refusal e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("reading " + what + " failed", e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
