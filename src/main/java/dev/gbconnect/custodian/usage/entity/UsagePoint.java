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

/** A point of delivery (meter) of one retail customer. */
@Entity
@Table(name = "USAGE_POINT", indexes = @Index(name = "USAGE_POINT_CUSTOMER", columnList = "CUSTOMER_ID"))
public class UsagePoint extends DescribedResource {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private RetailCustomer customer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "LOCAL_TIME_PARAMETERS_ID")
    private LocalTimeParameters localTimeParameters;

    /** ServiceCategory/kind: 0 electricity, 1 gas, 2 water, … */
    @Column(name = "SERVICE_KIND")
    private Integer serviceKind;

    private Integer status;

    protected UsagePoint() {}

    public UsagePoint(String id, RetailCustomer customer) {
        super(id);
        this.customer = customer;
    }

    @Override
    protected void describe(Map<String, String> fields) {
        serviceKind = integer(fields, "ServiceCategory/kind");
        status = integer(fields, "status");
    }

    public RetailCustomer customer() {
        return customer;
    }

    public Integer serviceKind() {
        return serviceKind;
    }

    public Integer status() {
        return status;
    }

    public LocalTimeParameters localTimeParameters() {
        return localTimeParameters;
    }

    public void localTimeParameters(LocalTimeParameters ltp) {
        this.localTimeParameters = ltp;
    }
}
