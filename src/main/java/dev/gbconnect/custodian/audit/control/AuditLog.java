package dev.gbconnect.custodian.audit.control;

import dev.gbconnect.custodian.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The audit log: append and read, nothing else (issue 19 item 8). An entry joins the caller's transaction, so an
 * action and its entry commit together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    /** Who acted: an identity provider's subject (stable) and the name it gave (readable). */
    public record Actor(String subject, String name) {}

    /** Entries whose actor (subject or name) contains {@code actor}, whose action is {@code action}, and whose target contains {@code target}; blank means any. */
    public record Filter(String actor, String action, String target) {}

    @PersistenceContext
    EntityManager em;

    public void record(Actor actor, String action, String target, String reason) {
        em.persist(new AuditEntry(
                UUID.randomUUID().toString(),
                Instant.now(),
                actor.subject(),
                actor.name(),
                action,
                cut(target, 256),
                cut(reason == null || reason.isBlank() ? null : reason.strip(), 512)));
    }

    /** Newest first, {@code max} from {@code offset}. */
    public List<AuditEntry> find(Filter filter, int offset, int max) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntry e WHERE 1 = 1");
        if (given(filter.actor()))
            jpql.append(
                    " AND (LOWER(e.actorSubject) LIKE :actor ESCAPE '\\' OR LOWER(e.actorName) LIKE :actor ESCAPE '\\')");
        if (given(filter.action())) jpql.append(" AND e.action = :action");
        if (given(filter.target())) jpql.append(" AND LOWER(e.target) LIKE :target ESCAPE '\\'");
        TypedQuery<AuditEntry> q =
                em.createQuery(jpql.append(" ORDER BY e.occurredAt DESC, e.id").toString(), AuditEntry.class);
        if (given(filter.actor())) q.setParameter("actor", contains(filter.actor()));
        if (given(filter.action())) q.setParameter("action", filter.action().strip());
        if (given(filter.target())) q.setParameter("target", contains(filter.target()));
        return q.setFirstResult(offset).setMaxResults(max).getResultList();
    }

    /** Lets the reader of a long export drop the entries it has written (what was recorded is written first). */
    public void forget() {
        em.flush();
        em.clear();
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }

    private static String contains(String s) {
        String escaped = s.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
