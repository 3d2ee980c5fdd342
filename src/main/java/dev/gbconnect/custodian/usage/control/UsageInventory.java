package dev.gbconnect.custodian.usage.control;

import dev.gbconnect.custodian.usage.entity.ElectricPowerQualitySummary;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import dev.gbconnect.custodian.usage.entity.MeterReading;
import dev.gbconnect.custodian.usage.entity.ReadingType;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What is stored for one customer, usage point by usage point, with reading totals from a full scan. */
@ApplicationScoped
public class UsageInventory {

    public record ReadingTypeView(
            String id, Integer uom, Integer powerOfTenMultiplier, Long intervalLength, Integer commodity) {}

    public record MeterReadingView(String id, String title, ReadingTypeView readingType, ReadingScan.Totals totals) {}

    public record UsagePointView(
            String id,
            String title,
            Integer serviceKind,
            String localTimeParametersId,
            List<MeterReadingView> meterReadings,
            long usageSummaries,
            long powerQualitySummaries) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    ReadingScan scan;

    public List<UsagePointView> of(String customerId) {
        return usagePoints(customerId).stream().map(this::view).toList();
    }

    /** The customer's usage points, in a stable order. */
    public List<UsagePoint> usagePoints(String customerId) {
        return em.createQuery(
                        "SELECT u FROM UsagePoint u WHERE u.customer.id = :c ORDER BY u.sourceHref, u.id",
                        UsagePoint.class)
                .setParameter("c", customerId)
                .getResultList();
    }

    /** The local time of each of the customer's usage points, by id (UTC for one without LocalTimeParameters). */
    public Map<String, LocalTimeRules> localTimes(String customerId) {
        Map<String, LocalTimeRules> zones = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT u.id, l.tzOffset, l.dstOffset, l.dstStartRule, l.dstEndRule FROM UsagePoint u"
                                + " LEFT JOIN u.localTimeParameters l WHERE u.customer.id = :c",
                        Object[].class)
                .setParameter("c", customerId)
                .getResultList())
            zones.put(
                    (String) row[0], LocalTimeRules.of((Long) row[1], (Long) row[2], (String) row[3], (String) row[4]));
        return zones;
    }

    private UsagePointView view(UsagePoint u) {
        List<MeterReadingView> readings = em
                .createQuery(
                        "SELECT m FROM MeterReading m WHERE m.usagePoint = :u ORDER BY m.sourceHref, m.id",
                        MeterReading.class)
                .setParameter("u", u)
                .getResultList()
                .stream()
                .map(m -> new MeterReadingView(m.id(), m.title(), view(m.readingType()), scan.totals(m.id())))
                .toList();
        long summaries = count("SELECT COUNT(s) FROM UsageSummary s WHERE s.usagePoint = :u", u);
        long quality = count(
                "SELECT COUNT(q) FROM " + ElectricPowerQualitySummary.class.getSimpleName()
                        + " q WHERE q.usagePoint = :u",
                u);
        return new UsagePointView(
                u.id(),
                u.title(),
                u.serviceKind(),
                u.localTimeParameters() == null ? null : u.localTimeParameters().id(),
                readings,
                summaries,
                quality);
    }

    private long count(String jpql, UsagePoint u) {
        return em.createQuery(jpql, Long.class).setParameter("u", u).getSingleResult();
    }

    private static ReadingTypeView view(ReadingType t) {
        return t == null
                ? null
                : new ReadingTypeView(t.id(), t.uom(), t.powerOfTenMultiplier(), t.intervalLength(), t.commodity());
    }
}
