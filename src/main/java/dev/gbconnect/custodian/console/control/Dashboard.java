package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import dev.gbconnect.custodian.notification.entity.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The figures of the console's first page (issue 19 item 9): aggregate queries, and the last day's failed uploads. */
@ApplicationScoped
public class Dashboard {

    /** What is stored and owed, and how this instance is. */
    public record Figures(
            long customers,
            long usagePoints,
            long readings,
            long activeAuthorizations,
            long noticesPending,
            long noticesDead,
            long uploadsLastDay,
            List<UploadRecord> failedLastDay,
            long failedLastDayCount,
            Health health) {}

    /** This instance: its database's answer time, its heap and how long it has run. */
    public record Health(long databaseMillis, long heapUsedMb, long heapMaxMb, Duration uptime, int processors) {}

    /** The last day's uploads that were refused or failed, newest first, at most this many on the page. */
    private static final int FAILURES_SHOWN = 10;

    private static final String FAILED_SINCE =
            "SELECT u FROM UploadRecord u WHERE u.startedAt >= :since AND u.result <> :stored";

    @PersistenceContext
    EntityManager em;

    public Figures figures() {
        Instant since = Instant.now().minus(Duration.ofDays(1));
        long start = System.nanoTime();
        long customers = count("SELECT COUNT(c) FROM RetailCustomer c");
        long databaseMillis = (System.nanoTime() - start) / 1_000_000;
        Number readings = em.createQuery("SELECT SUM(b.readingCount) FROM IntervalBlock b", Number.class)
                .getSingleResult();
        return new Figures(
                customers,
                count("SELECT COUNT(u) FROM UsagePoint u"),
                readings == null ? 0 : readings.longValue(),
                count("SELECT COUNT(a) FROM Authorization a WHERE a.status = " + Authorization.ACTIVE
                        + " AND NOT EXISTS (" + Authorization.DISABLED_CUSTOMER + ")"),
                notices(Notification.State.PENDING),
                notices(Notification.State.DEAD),
                em.createQuery("SELECT COUNT(u) FROM UploadRecord u WHERE u.startedAt >= :since", Long.class)
                        .setParameter("since", since)
                        .getSingleResult(),
                em.createQuery(FAILED_SINCE + " ORDER BY u.startedAt DESC", UploadRecord.class)
                        .setParameter("since", since)
                        .setParameter("stored", UploadRecord.STORED)
                        .setMaxResults(FAILURES_SHOWN)
                        .getResultList(),
                em.createQuery(FAILED_SINCE.replace("SELECT u", "SELECT COUNT(u)"), Long.class)
                        .setParameter("since", since)
                        .setParameter("stored", UploadRecord.STORED)
                        .getSingleResult(),
                health(databaseMillis));
    }

    private long notices(Notification.State state) {
        return em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.state = :state", Long.class)
                .setParameter("state", state)
                .getSingleResult();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    private static Health health(long databaseMillis) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Health(
                databaseMillis,
                heap.getUsed() >> 20,
                heap.getMax() >> 20,
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
                Runtime.getRuntime().availableProcessors());
    }
}
