package dev.gbconnect.custodian.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where feed reads go (docs/scaling.md, "Read replicas"): a PostgreSQL streaming replica when
 * {@code custodian.db.replica-url} is set, the primary otherwise and whenever the replica cannot be reached (a
 * primary's answer is never older than the replica's). Writes, token state, authorizations and the outbox stay on the
 * primary. A replica serves what it has replayed, so the notification sender asks {@link #caughtUp} before it tells a
 * third party that there is data: a notice goes out only once the replica has replayed the primary's WAL up to a
 * point after the notice (and the data it announces) was committed.
 */
@ApplicationScoped
public class ReadReplica {

    private static final Logger LOG = Logger.getLogger(ReadReplica.class.getName());
    private static final long POLL_MILLIS = 20;
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Resource(lookup = CustodianApplication.DATA_SOURCE)
    DataSource primary;

    @Resource(lookup = CustodianApplication.REPLICA_DATA_SOURCE)
    DataSource replica;

    @Inject
    @ConfigProperty(name = "custodian.db.replica-url")
    Optional<String> url;

    /** Set while the replica cannot be reached, so that an outage is logged once, not at every read. */
    private final AtomicBoolean unreachable = new AtomicBoolean();

    /**
     * While the replica is unreachable, when the next read may try it again ({@link System#nanoTime}). Without this
     * pause every feed read would first wait for a connection attempt to a replica that is away, which may take the
     * driver's whole connect timeout when its host does not answer.
     */
    private final AtomicLong retryAt = new AtomicLong();

    /**
     * A connection for feed reads, its caller's to close. The replica pool checks a connection before it lends it
     * (the replica's {@code @DataSourceDefinition}), so a replica that was stopped or restarted since the connection
     * was made costs a new connection or a read on the primary, not a failed read.
     */
    public Connection forReads() throws SQLException {
        if (url.isEmpty()) return primary.getConnection();
        long at = retryAt.get();
        if (unreachable.get() && (System.nanoTime() - at < 0 || !retryAt.compareAndSet(at, at + RETRY.toNanos())))
            return primary.getConnection();
        try {
            Connection c = replica.getConnection();
            if (unreachable.compareAndSet(true, false)) LOG.info("feed reads go to the read replica again");
            return c;
        } catch (SQLException e) {
            retryAt.set(System.nanoTime() + RETRY.toNanos());
            if (unreachable.compareAndSet(false, true))
                LOG.warning("the read replica cannot be reached, feed reads go to the primary (the replica is tried"
                        + " again every " + RETRY.toSeconds() + " s): " + e.getMessage());
            return primary.getConnection();
        }
    }

    /**
     * The primary's WAL insert position, not its flushed one: past the commit of anything visible there, even of a
     * commit made with synchronous_commit off, whose record may not be flushed yet.
     */
    private Optional<String> primaryPosition() {
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            r.next();
            return Optional.of(r.getString(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether feed reads see everything committed on the primary before this call, waiting up to {@code most} for the
     * replica to replay that far. True without a replica, and while reads go to the primary for want of one.
     */
    public boolean caughtUp(Duration most) {
        if (url.isEmpty()) return true;
        Optional<String> written = primaryPosition();
        // the primary is away: nothing can be sent that needs it anyway
        if (written.isEmpty()) return false;
        long end = System.nanoTime() + most.toNanos();
        try (Connection c = replica.getConnection();
                PreparedStatement replayed =
                        // a replica promoted (after a failover) replays nothing more: it has what it will ever get
                        c.prepareStatement(
                                "SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn)")) {
            replayed.setString(1, written.get());
            while (true) {
                try (ResultSet r = replayed.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) return true;
                }
                if (System.nanoTime() > end) return false;
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException e) {
            return true; // reads go to the primary meanwhile (forReads), which has it all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
