package dev.gbconnect.custodian.usage.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;

/** A series of readings of one kind (its ReadingType) taken at a usage point. */
@Entity
@Table(name = "METER_READING", indexes = @Index(name = "METER_READING_USAGE_POINT", columnList = "USAGE_POINT_ID"))
public class MeterReading extends DescribedResource {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "USAGE_POINT_ID", nullable = false)
    private UsagePoint usagePoint;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "READING_TYPE_ID")
    private ReadingType readingType;

    protected MeterReading() {}

    public MeterReading(String id, UsagePoint usagePoint) {
        super(id);
        this.usagePoint = usagePoint;
    }

    @Override
    protected void describe(Map<String, String> fields) {
        // MeterReading carries no values of its own beyond what the stored element holds.
    }

    public UsagePoint usagePoint() {
        return usagePoint;
    }

    public ReadingType readingType() {
        return readingType;
    }

    public boolean readingType(ReadingType type) {
        boolean changed = readingType == null || !readingType.id().equals(type.id());
        readingType = type;
        return changed;
    }
}
