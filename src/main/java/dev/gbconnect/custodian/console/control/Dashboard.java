package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.notification.entity.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;

/** The figures of the console's first page (issue 19 item 9), each one aggregate query. */
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
            Health health) {}

    /** This instance: its database's answer time, its heap and how long it has run. */
    public record Health(long databaseMillis, long heapUsedMb, long heapMaxMb, Duration uptime, int processors) {}

    @PersistenceContext
    EntityManager em;

    public Figures figures() {
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
