package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.ErrorMappers;
import dev.gbconnect.custodian.platform.Metrics;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.validation.Schema;

/**
 * Imports a Green Button feed for one customer inside the caller's transaction. Any problem, wherever it shows up
 * in the file, throws: the caller's transaction rolls back and nothing of the file remains. An accepted file fires
 * {@link UsageChanged} in that same transaction.
 */
@ApplicationScoped
public class UsageImporter {

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<UsageChanged> usageChanged;

    private volatile Schema schema;

    public ImportReport importFeed(RetailCustomer customer, InputStream body, long maxBytes) {
        UploadLimit limited = new UploadLimit(body, maxBytes);
        try {
            ImportReport report = importFrom(customer, limited);
            ImportReport.Counts r = report.readings();
            Metrics.uploaded(r.created() + r.updated() + r.unchanged(), limited.count());
            return report;
        } catch (RuntimeException | Error refused) {
            // Read the rest, within the limit, before answering: many HTTP clients read no answer until they have
            // sent their whole body, and one the server closes on gets no answer at all (JDK HttpClient: EOF).
            limited.drain();
            throw refused;
        }
    }

    private ImportReport importFrom(RetailCustomer customer, UploadLimit body) {
        waitForOtherUploadsOf(customer);
        Problems problems = new Problems();
        ImportRun run = new ImportRun(em, customer, problems);
        Schema schema = schema();
        try (EntryPipe pipe = EntryPipe.start(executor, () -> new GreenButtonReader(body, schema, problems))) {
            for (AtomEntry entry = pipe.take(); entry != null; entry = pipe.take()) {
                run.accept(entry);
            }
        } catch (XMLStreamException e) {
            UploadLimit.Exceeded tooLarge = ErrorMappers.causeOf(e, UploadLimit.Exceeded.class);
            if (tooLarge != null) {
                throw new ApiException(
                        Response.Status.REQUEST_ENTITY_TOO_LARGE, "upload_too_large", tooLarge.getMessage());
            }
            if (!(e instanceof GreenButtonReader.Reported)) {
                problems.add(line(e), column(e), parserMessage(e));
            }
        }
        run.finish();
        if (problems.any()) {
            throw new ApiException(
                    Response.Status.BAD_REQUEST,
                    "invalid_upload",
                    "the file was rejected and nothing of it was stored; " + problems.total() + " problem(s)"
                            + (problems.total() > problems.list().size()
                                    ? ", the first " + problems.list().size() + " listed"
                                    : ""),
                    problems.list());
        }
        UsageChanged changes = run.changes();
        if (!changes.usagePoints().isEmpty()) usageChanged.fire(changes);
        return run.report();
    }

    /**
     * Holds the customer's row until this transaction ends, so a second upload for the customer waits and then finds
     * the rows this one stored, instead of inserting the same ids (the package's notes say why a lock). Derby takes an
     * update lock ({@code FOR UPDATE WITH RS}), which readers of the row pass.
     */
    private void waitForOtherUploadsOf(RetailCustomer customer) {
        em.createQuery("SELECT c FROM RetailCustomer c WHERE c.id = :id", RetailCustomer.class)
                .setParameter("id", customer.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private Schema schema() {
        Schema s = schema;
        if (s == null) {
            s = EspiSchema.fromClasspath();
            schema = s;
        }
        return s;
    }

    private static int line(XMLStreamException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    }

    private static int column(XMLStreamException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
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
