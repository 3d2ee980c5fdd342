package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.ErrorMappers;
import dev.gbconnect.custodian.platform.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.validation.Schema;

/**
 * One upload's pass over its body, whatever the file holds (usage data, customer information): within the size
 * limit, validated while read, each entry handed to the sink, inside the caller's transaction. Any problem,
 * wherever it shows up in the file, throws: the caller's transaction rolls back and nothing of the file remains.
 */
@ApplicationScoped
public class UploadPass {

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The reading threads. Not the container's ManagedExecutorService: it captures the request's context for every
     * task it runs, and Payara looks its context providers up through a ServiceLoader scan of the class path each
     * time, which cost a small upload more than parsing it (docs/performance.md, nightly delivery). A reader needs
     * no context; its threads come from the container's factory, which captures it once per thread.
     */
    private ExecutorService readers;

    @PostConstruct
    void start() {
        readers = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    private volatile Schema schema;

    /**
     * Runs the sink {@code sinks} makes over the body and answers it, finished; 400 listing every problem. With a
     * customer, waits for other uploads of theirs first; without (a bulk upload), the sink takes each customer's turn.
     */
    <S extends EntrySink> S run(RetailCustomer customer, InputStream body, long maxBytes, Function<Problems, S> sinks) {
        UploadLimit limited = new UploadLimit(body, maxBytes);
        try {
            S done = runWithin(customer, limited, sinks);
            Metrics.uploadedBytes(limited.count());
            return done;
        } catch (RuntimeException | Error refused) {
            // Read the rest, within the limit, before answering: many HTTP clients read no answer until they have
            // sent their whole body, and one the server closes on gets no answer at all (JDK HttpClient: EOF).
            limited.drain();
            throw refused;
        }
    }

    private <S extends EntrySink> S runWithin(RetailCustomer customer, UploadLimit body, Function<Problems, S> sinks) {
        if (customer != null) waitForOtherUploadsOf(customer);
        Problems problems = new Problems();
        S sink = sinks.apply(problems);
        Schema schema = schema();
        try (EntryPipe pipe = EntryPipe.start(readers, () -> new GreenButtonReader(body, schema, problems))) {
            for (AtomEntry entry = pipe.take(); entry != null; entry = pipe.take()) {
                sink.accept(entry);
            }
        } catch (XMLStreamException e) {
            UploadLimit.Exceeded tooLarge = ErrorMappers.causeOf(e, UploadLimit.Exceeded.class);
            if (tooLarge != null) {
                throw ApiError.UPLOAD_TOO_LARGE.because(tooLarge.getMessage());
            }
            if (!(e instanceof GreenButtonReader.Reported)) {
                problems.add(line(e), column(e), UsageImporter.parserMessage(e));
            }
        }
        sink.finish();
        if (problems.any()) throw refusal(problems);
        return sink;
    }

    private static ApiException refusal(Problems problems) {
        return ApiError.INVALID_UPLOAD.because(
                "the file was rejected and nothing of it was stored; " + problems.total() + " problem(s)"
                        + (problems.total() > problems.list().size()
                                ? ", the first " + problems.list().size() + " listed"
                                : ""),
                problems.list());
    }

    /**
     * Holds the customer's row until this transaction ends, so a second upload for the customer waits and then finds
     * the rows this one stored, instead of inserting the same ids (the package's notes say why a lock). Derby takes an
     * update lock ({@code FOR UPDATE WITH RS}), which readers of the row pass. A caller that read the customer with
     * the lock already holds it; a customer no longer managed (a caller's earlier import cleared the persistence
     * context) is locked again, as {@code getLockMode} refuses an entity it does not manage.
     */
    private void waitForOtherUploadsOf(RetailCustomer customer) {
        if (em.contains(customer) && em.getLockMode(customer) == LockModeType.PESSIMISTIC_WRITE) return;
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
}
