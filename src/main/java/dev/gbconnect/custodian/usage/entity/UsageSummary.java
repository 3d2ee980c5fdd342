package dev.gbconnect.custodian.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;

/**
 * A billing-period summary of a usage point. ESPI 4.0's UsageSummary and the deprecated ElectricPowerUsageSummary
 * share this table; {@code element} records which one was imported, and it is served back as that element.
 */
@Entity
@Table(name = "USAGE_SUMMARY", indexes = @Index(name = "USAGE_SUMMARY_USAGE_POINT", columnList = "USAGE_POINT_ID"))
public class UsageSummary extends DescribedResource {

    public enum Element {
        UsageSummary,
        ElectricPowerUsageSummary
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "USAGE_POINT_ID", nullable = false)
    private UsagePoint usagePoint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Element element;

    @Column(name = "BILLING_PERIOD_START")
    private Long billingPeriodStart;

    @Column(name = "BILLING_PERIOD_DURATION")
    private Long billingPeriodDuration;

    protected UsageSummary() {}

    public UsageSummary(String id, UsagePoint usagePoint, Element element) {
        super(id);
        this.usagePoint = usagePoint;
        this.element = element;
    }

    @Override
    protected void describe(Map<String, String> fields) {
        billingPeriodStart = number(fields, "billingPeriod/start");
        billingPeriodDuration = number(fields, "billingPeriod/duration");
    }

    public UsagePoint usagePoint() {
        return usagePoint;
    }

    public Element element() {
        return element;
    }

    public Long billingPeriodStart() {
        return billingPeriodStart;
    }

    public Long billingPeriodDuration() {
        return billingPeriodDuration;
    }
}
