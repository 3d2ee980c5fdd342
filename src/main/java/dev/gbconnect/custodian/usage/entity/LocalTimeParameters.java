package dev.gbconnect.custodian.usage.entity;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;

/** The time zone and DST rules of usage points, shared by those that name it; owned by the importing customer. */
@Entity
@Table(
        name = "LOCAL_TIME_PARAMETERS",
        indexes = @Index(name = "LOCAL_TIME_PARAMETERS_CUSTOMER", columnList = "CUSTOMER_ID"))
public class LocalTimeParameters extends DescribedResource {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private RetailCustomer customer;

    /** Seconds east of UTC. */
    @Column(name = "TZ_OFFSET")
    private Long tzOffset;

    @Column(name = "DST_OFFSET")
    private Long dstOffset;

    @Column(name = "DST_START_RULE", length = 16)
    private String dstStartRule;

    @Column(name = "DST_END_RULE", length = 16)
    private String dstEndRule;

    protected LocalTimeParameters() {}

    public LocalTimeParameters(String id, RetailCustomer customer) {
        super(id);
        this.customer = customer;
    }

    @Override
    protected void describe(Map<String, String> fields) {
        tzOffset = number(fields, "tzOffset");
        dstOffset = number(fields, "dstOffset");
        dstStartRule = fields.get("dstStartRule");
        dstEndRule = fields.get("dstEndRule");
    }

    public RetailCustomer customer() {
        return customer;
    }

    public Long tzOffset() {
        return tzOffset;
    }

    public Long dstOffset() {
        return dstOffset;
    }

    public String dstStartRule() {
        return dstStartRule;
    }

    public String dstEndRule() {
        return dstEndRule;
    }
}
