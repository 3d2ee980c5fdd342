package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** How far the interval data uploaded for a customer reaches, so that a regular delivery can continue from there. */
@ApplicationScoped
public class StoredUntil {

    @PersistenceContext
    EntityManager em;

    /**
     * The end of the latest IntervalBlock stored for the customer from entries whose self link began with the
     * prefix (the source's own hrefs, as uploaded); empty when there is none.
     */
    public Optional<Instant> blocksFrom(RetailCustomer customer, String selfPrefix) {
        Long end = em.createQuery(
                        "SELECT MAX(b.intervalStart + b.intervalDuration) FROM IntervalBlock b"
                                + " WHERE b.meterReading.usagePoint.customer.id = :customer AND b.sourceHref LIKE :prefix ESCAPE '!'",
                        Long.class)
                .setParameter("customer", customer.id())
                .setParameter(
                        "prefix",
                        selfPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .getSingleResult();
        return Optional.ofNullable(end).map(Instant::ofEpochSecond);
    }
}
