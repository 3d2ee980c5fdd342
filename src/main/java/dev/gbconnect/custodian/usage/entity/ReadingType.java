package dev.gbconnect.custodian.usage.entity;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;

/**
 * What a MeterReading's numbers mean. Served at the shared {@code /ReadingType} path, but each one belongs to the
 * customer whose upload brought it, so access checks can join through it.
 */
@Entity
@Table(name = "READING_TYPE")
public class ReadingType extends DescribedResource {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private RetailCustomer customer;

    /** Seconds; the scope's IntervalDuration is matched against it. */
    @Column(name = "INTERVAL_LENGTH")
    private Long intervalLength;

    private Integer uom;

    @Column(name = "POWER_OF_TEN_MULTIPLIER")
    private Integer powerOfTenMultiplier;

    private Integer commodity;

    /** ISO 4217 numeric code of the IntervalReadings' cost (ESPI ReadingType currency). */
    private Integer currency;

    private Integer kind;

    @Column(name = "FLOW_DIRECTION")
    private Integer flowDirection;

    @Column(name = "ACCUMULATION_BEHAVIOUR")
    private Integer accumulationBehaviour;

    protected ReadingType() {}

    public ReadingType(String id, RetailCustomer customer) {
        super(id);
        this.customer = customer;
    }

    @Override
    protected void describe(Map<String, String> fields) {
        intervalLength = number(fields, "intervalLength");
        uom = integer(fields, "uom");
        powerOfTenMultiplier = integer(fields, "powerOfTenMultiplier");
        commodity = integer(fields, "commodity");
        currency = integer(fields, "currency");
        kind = integer(fields, "kind");
        flowDirection = integer(fields, "flowDirection");
        accumulationBehaviour = integer(fields, "accumulationBehaviour");
    }

    public RetailCustomer customer() {
        return customer;
    }

    public Long intervalLength() {
        return intervalLength;
    }

    public Integer uom() {
        return uom;
    }

    public Integer powerOfTenMultiplier() {
        return powerOfTenMultiplier;
    }

    public Integer commodity() {
        return commodity;
    }

    public Integer currency() {
        return currency;
    }

    public Integer kind() {
        return kind;
    }

    public Integer flowDirection() {
        return flowDirection;
    }

    public Integer accumulationBehaviour() {
        return accumulationBehaviour;
    }
}
