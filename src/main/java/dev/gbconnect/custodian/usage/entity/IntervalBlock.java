package dev.gbconnect.custodian.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
@Table(name = "INTERVAL_BLOCK", indexes = @Index(name = "IX_BLOCK_READING_START", columnList = "METER_READING_ID, INTERVAL_START"))
public class IntervalBlock extends UsageResource {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "METER_READING_ID", nullable = false)
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

    protected IntervalBlock() {
    }

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

    public MeterReading meterReading() { return meterReading; }
    public Long intervalStart() { return intervalStart; }
    public Long intervalDuration() { return intervalDuration; }
    public int readingCount() { return readingCount; }
    public byte[] readings() { return readings; }
}
