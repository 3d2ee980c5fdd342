package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** The upload history: append and read (issue 19 item 5). Joins the caller's transaction. */
@ApplicationScoped
public class UploadHistory {

    /** Uploads with this result and for this customer; null means any. */
    public record Filter(String result, String retailCustomerId) {}

    @PersistenceContext
    EntityManager em;

    public void add(UploadRecord record) {
        em.persist(record);
    }

    /** Newest first, {@code max} from {@code offset}. */
    public List<UploadRecord> find(Filter filter, int offset, int max) {
        String jpql = "SELECT u FROM UploadRecord u WHERE 1 = 1"
                + (filter.result() == null ? "" : " AND u.result = :result")
                + (filter.retailCustomerId() == null ? "" : " AND u.retailCustomerId = :customer")
                + " ORDER BY u.startedAt DESC, u.id";
        TypedQuery<UploadRecord> q = em.createQuery(jpql, UploadRecord.class);
        if (filter.result() != null) q.setParameter("result", filter.result());
        if (filter.retailCustomerId() != null) q.setParameter("customer", filter.retailCustomerId());
        return q.setFirstResult(offset).setMaxResults(max).getResultList();
    }

    public Optional<UploadRecord> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(UploadRecord.class, id));
    }
}
