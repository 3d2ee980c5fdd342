package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;

/**
 * Imports a Green Button feed of usage data for one customer inside the caller's transaction ({@link UploadPass}: all
 * or nothing). An accepted file fires {@link UsageChanged} in that same transaction.
 */
@ApplicationScoped
public class UsageImporter {

    @PersistenceContext
    EntityManager em;

    @Inject
    UploadPass pass;

    @Inject
    Event<UsageChanged> usageChanged;

    public ImportReport importFeed(RetailCustomer customer, InputStream body, long maxBytes) {
        ImportRun run = pass.run(customer, body, maxBytes, problems -> new ImportRun(em, customer, problems));
        UsageChanged changes = run.changes();
        if (!changes.usagePoints().isEmpty()) usageChanged.fire(changes);
        ImportReport report = run.report();
        ImportReport.Counts r = report.readings();
        Metrics.uploadedReadings(r.created() + r.updated() + r.unchanged());
        return report;
    }

    /**
     * Parsers add the location to their message (Woodstox "… at [row,col {unknown-source}]: [3,5]", the JDK
     * "ParseError at [row,col]:[3,5]\nMessage: …"); it is listed apart.
     */
    static String parserMessage(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int message = m.startsWith("ParseError at [row,col]") ? m.indexOf("Message: ") : -1;
        if (message >= 0) m = m.substring(message + "Message: ".length());
        int at = m.indexOf("\n at [row,col");
        return (at >= 0 ? m.substring(0, at) : m).strip();
    }
}
