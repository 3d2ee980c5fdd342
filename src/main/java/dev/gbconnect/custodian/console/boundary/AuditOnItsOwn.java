package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * An audit entry for an action that ran in transactions of its own (an upload: the import's, then its history
 * record's), written once the action has ended, in a transaction of its own.
 */
@ApplicationScoped
public class AuditOnItsOwn {

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditLog.Actor actor, String action, String target) {
        audit.record(actor, action, target, null);
    }
}
