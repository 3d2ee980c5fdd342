package dev.gbconnect.custodian.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A block of interval readings of one MeterReading, its readings packed into one column (see
 * {@link PackedReadings}). The interval columns let time-window queries pick blocks through the index.
 */
@Entity
@Table(
        name = "INTERVAL_BLOCK",
        indexes = @Index(name = "IX_BLOCK_READING_START", columnList = "METER_READING_ID, INTERVAL_START, ID"))
public class IntervalBlock extends UsageResource {

    /*
     * No foreign-key constraint: on Derby it would bring a second index over METER_READING_ID beside
     * IX_BLOCK_READING_START, and index upkeep is most of the cost of an import. Blocks are only written by the
     * importer, which links each to a MeterReading of the same upload or of the database.
     */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "METER_READING_ID", nullable = false, foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    private MeterReading meterReading;

    /** Epoch seconds; null when the block names no interval. */
    @Column(name = "INTERVAL_START")
    private Long intervalStart;

    @Column(name = "INTERVAL_DURATION")
    private Long intervalDuration;

    @Column(name = "READING_COUNT", nullable = false)
    private int readingCount;

    @Lob
    @Column(name = "READINGS", nullable = false, length = 64 * 1024 * 1024)
    private byte[] readings;

    protected IntervalBlock() {}

    public IntervalBlock(String id, MeterReading meterReading) {
        super(id);
        this.meterReading = meterReading;
    }

    /** Takes imported readings; answers whether anything changed. */
    public boolean readings(Long start, Long duration, int count, byte[] packed) {
        boolean changed = differ(readings, packed);
        intervalStart = start;
        intervalDuration = duration;
        readingCount = count;
        readings = packed;
        return changed;
    }

    public MeterReading meterReading() {
        return meterReading;
    }

    public Long intervalStart() {
        return intervalStart;
    }

    public Long intervalDuration() {
        return intervalDuration;
    }

    public int readingCount() {
        return readingCount;
    }

    public byte[] readings() {
        return readings;
    }
}
