package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.entity.CustomerImport;
import dev.gbconnect.custodian.console.entity.CustomerImportActive;
import dev.gbconnect.custodian.console.entity.CustomerImportLine;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's CSV imports of customers (issue 19), kept in the database so that any instance shows their progress:
 * starting one (at most one import of a file at a time, on every instance), a batch of its lines, its end. The
 * customers it creates have no password (docs/design.md). Joins the caller's transaction.
 */
@ApplicationScoped
public class CustomerImports {

    /**
     * An import whose instance has not counted a batch for this long has stopped (its server stopped or crashed):
     * it reads as interrupted and its file may be imported again. Longer than any one batch of lines takes.
     */
    @Inject
    @ConfigProperty(name = "custodian.console.import-silence", defaultValue = "PT2M")
    Duration silence;

    /** The same file is being imported; {@code importId} that import. */
    public static final class AlreadyRunning extends RuntimeException {
        private final String importId;

        AlreadyRunning(String importId) {
            super("already running", null, false, false);
            this.importId = importId;
        }

        public String importId() {
            return importId;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    /** A new running import of the file, written to the audit log; refused while the same file is being imported. */
    public CustomerImport start(AuditLog.Actor actor, String fileName, byte[] file, int lines) {
        String hash = HexFormat.of().formatHex(sha256(file));
        Instant now = Instant.now();
        CustomerImportActive active = em.find(CustomerImportActive.class, hash);
        if (active != null) {
            CustomerImport earlier = em.find(CustomerImport.class, active.importId());
            if (earlier != null && earlier.running() && !earlier.abandoned(now, silence))
                throw new AlreadyRunning(earlier.id());
            if (earlier != null && earlier.running()) earlier.end(CustomerImport.State.INTERRUPTED, now);
            em.remove(active);
            em.flush();
        }
        CustomerImport started = new CustomerImport(
                UUID.randomUUID().toString(), actor.subject(), actor.name(), shorter(fileName), hash, lines, now);
        em.persist(started);
        // A second instance inserting the same hash at this moment waits for this transaction, then fails its commit.
        em.persist(new CustomerImportActive(hash, started.id()));
        audit.record(actor, "customer.import", target(started) + ", " + lines + " lines", null);
        return started;
    }

    /** Creates the customers of these lines that do not exist yet, keeps each line's outcome, counts them. */
    public void batch(String importId, List<CustomerCsv.Row> rows) {
        Set<String> names = new HashSet<>();
        rows.stream().filter(r -> r.problem() == null).forEach(r -> names.add(r.username()));
        Set<String> existing = new HashSet<>(
                names.isEmpty()
                        ? List.of()
                        : em.createQuery(
                                        "SELECT c.username FROM RetailCustomer c WHERE c.username IN :names",
                                        String.class)
                                .setParameter("names", names)
                                .getResultList());
        Instant now = Instant.now();
        int created = 0, found = 0, invalid = 0;
        for (CustomerCsv.Row row : rows) {
            CustomerImportLine.Outcome outcome;
            if (row.problem() != null) {
                outcome = CustomerImportLine.Outcome.INVALID;
                invalid++;
            } else if (!existing.add(row.username())) {
                outcome = CustomerImportLine.Outcome.EXISTS;
                found++;
            } else {
                em.persist(new RetailCustomer(Customers.idOf(row.username()), row.username(), null, row.name(), now));
                outcome = CustomerImportLine.Outcome.CREATED;
                created++;
            }
            em.persist(new CustomerImportLine(importId, row.line(), row.username(), outcome, row.problem()));
        }
        em.find(CustomerImport.class, importId).counted(created, found, invalid, now);
    }

    /** Ends the import, lets its file be imported again, and writes its counts to the audit log. */
    public void end(String importId, CustomerImport.State state) {
        CustomerImport done = em.find(CustomerImport.class, importId);
        done.end(state, Instant.now());
        CustomerImportActive active = em.find(CustomerImportActive.class, done.fileHash());
        if (active != null && active.importId().equals(importId)) em.remove(active);
        audit.record(
                new AuditLog.Actor(done.actorSubject(), done.actorName()),
                "customer.import." + state.name().toLowerCase(java.util.Locale.ROOT),
                target(done) + ": " + done.created() + " created, " + done.existing() + " already existed, "
                        + done.invalid() + " invalid",
                null);
    }

    /** The import, read afresh; a running one whose instance went silent reads as interrupted. */
    public Optional<CustomerImport> find(String id) {
        CustomerImport found = id == null || id.length() > 36 ? null : em.find(CustomerImport.class, id);
        if (found != null && found.abandoned(Instant.now(), silence))
            found.end(CustomerImport.State.INTERRUPTED, found.finishedAt());
        return Optional.ofNullable(found);
    }

    /** The most recent imports, newest first; as {@link #find}, a running one whose instance went silent is interrupted. */
    public List<CustomerImport> recent(int max) {
        Instant now = Instant.now();
        List<CustomerImport> found = em.createQuery(
                        "SELECT i FROM CustomerImport i ORDER BY i.startedAt DESC", CustomerImport.class)
                .setMaxResults(max)
                .getResultList();
        found.stream()
                .filter(i -> i.abandoned(now, silence))
                .forEach(i -> i.end(CustomerImport.State.INTERRUPTED, i.finishedAt()));
        return found;
    }

    /** The import's lines in file order from {@code fromLine}; only the invalid ones if asked. */
    public List<CustomerImportLine> lines(String importId, int fromLine, int max, boolean invalidOnly) {
        TypedQuery<CustomerImportLine> query = em.createQuery(
                        "SELECT l FROM CustomerImportLine l WHERE l.importId = :id AND l.line >= :from"
                                + (invalidOnly ? " AND l.outcome = :invalid" : "") + " ORDER BY l.line",
                        CustomerImportLine.class)
                .setParameter("id", importId)
                .setParameter("from", fromLine);
        if (invalidOnly) query.setParameter("invalid", CustomerImportLine.Outcome.INVALID);
        return query.setMaxResults(max).getResultList();
    }

    /** Lets go of the lines read so far: a long export reads in pages. */
    public void forget() {
        em.clear();
    }

    private static byte[] sha256(byte[] file) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(file);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String target(CustomerImport i) {
        return "import " + i.id() + (i.fileName() == null ? "" : " (" + shorter(i.fileName()) + ")");
    }

    private static String shorter(String fileName) {
        if (fileName == null || fileName.isBlank()) return null;
        String name = fileName.strip();
        return name.length() <= 128 ? name : name.substring(0, 128);
    }
}
