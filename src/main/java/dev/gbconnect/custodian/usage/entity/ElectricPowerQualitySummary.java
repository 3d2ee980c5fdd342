package dev.gbconnect.custodian.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;

/** Power-quality statistics of a usage point over a summary interval. */
@Entity
@Table(
        name = "POWER_QUALITY_SUMMARY",
        indexes = @Index(name = "POWER_QUALITY_SUMMARY_USAGE_POINT", columnList = "USAGE_POINT_ID"))
public class ElectricPowerQualitySummary extends DescribedResource {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "USAGE_POINT_ID", nullable = false)
    private UsagePoint usagePoint;

    @Column(name = "SUMMARY_START")
    private Long summaryStart;

    @Column(name = "SUMMARY_DURATION")
    private Long summaryDuration;

    protected ElectricPowerQualitySummary() {}

    public ElectricPowerQualitySummary(String id, UsagePoint usagePoint) {
        super(id);
        this.usagePoint = usagePoint;
    }

    @Override
    protected void describe(Map<String, String> fields) {
        summaryStart = number(fields, "summaryInterval/start");
        summaryDuration = number(fields, "summaryInterval/duration");
    }

    public UsagePoint usagePoint() {
        return usagePoint;
    }

    public Long summaryStart() {
        return summaryStart;
    }

    public Long summaryDuration() {
        return summaryDuration;
    }
}
