package dev.gbconnect.custodian.usage.entity;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a MeterReading's numbers mean. Served at the shared {@code /ReadingType} path, but each one belongs to the
 * customer whose upload brought it, so access checks can join through it.
 */
@Entity
@Table(name = "READING_TYPE", indexes = @Index(name = "READING_TYPE_CUSTOMER", columnList = "CUSTOMER_ID"))
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
        kind = integer(fields, "kind");
        flowDirection = integer(fields, "flowDirection");
        accumulationBehaviour = integer(fields, "accumulationBehaviour");
    }

    /** No DTDs and no external entities: the content came from an upload. */
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * The ISO 4217 number of the currency its IntervalReadings' costs are in (ESPI ReadingType currency, 840 for USD),
     * read from the stored element ({@code content}): it is shown, never queried, so it has no column. Null when the
     * element has none.
     */
    public static Integer currency(byte[] content) {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(content));
            try {
                while (xml.hasNext())
                    if (xml.next() == XMLStreamConstants.START_ELEMENT
                            && xml.getLocalName().equals("currency"))
                        return Integer.valueOf(xml.getElementText().trim());
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | NumberFormatException e) {
            return null;
        }
        return null;
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
