package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.LastRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When each Authorization last read data, for the customer's Connected apps page. A feed read must not pay for it:
 * this instance remembers when it last wrote each Authorization's time and writes again only after
 * custodian.portal.last-read-resolution (5 minutes by default), so a busy third party costs one small write per
 * Authorization per resolution per instance, and every other read a map lookup.
 */
@ApplicationScoped
public class LastReads {

    private static final Logger LOG = Logger.getLogger(LastReads.class.getName());

    /** Entries older than the resolution are useless; the map is cleared when it grows past this. */
    private static final int REMEMBERED = 100_000;

    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "custodian.portal.last-read-resolution", defaultValue = "PT5M")
    Duration resolution;

    @Inject
    LastReads self;

    /** Notes a read through this Authorization; never fails the read itself. */
    public void read(String authorizationId) {
        Instant now = Instant.now(), last = written.get(authorizationId);
        if (last != null && now.isBefore(last.plus(resolution))) return;
        if (written.size() > REMEMBERED) written.clear();
        written.put(authorizationId, now);
        try {
            self.write(authorizationId, now);
        } catch (RuntimeException e) {
            // Another instance inserted the same row first: its time is as good as ours.
            LOG.log(Level.FINE, "last read of " + authorizationId + " not written", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(String authorizationId, Instant now) {
        LastRead r = em.find(LastRead.class, authorizationId);
        if (r == null) em.persist(new LastRead(authorizationId, now));
        else r.readAt(now);
    }

    /** The last read of each of these Authorizations that has read at all. */
    public Map<String, Instant> of(Collection<String> authorizationIds) {
        if (authorizationIds.isEmpty()) return Map.of();
        return em.createQuery("SELECT r FROM LastRead r WHERE r.authorizationId IN :ids", LastRead.class)
                .setParameter("ids", authorizationIds)
                .getResultStream()
                .collect(Collectors.toMap(LastRead::authorizationId, LastRead::readAt));
    }
}
