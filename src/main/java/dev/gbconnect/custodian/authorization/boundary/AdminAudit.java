package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The admin API's entries in the audit log (issue 19 item 8): a change made with a bearer token is recorded with its
 * client as the actor ({@code client:<client_id>} and the client's name), in the transaction of the change, so the
 * change and its entry commit together or not at all.
 */
@RequestScoped
public class AdminAudit {

    @Inject
    CurrentCaller caller;

    @Inject
    Clients clients;

    @Inject
    AuditLog audit;

    public void record(String action, String target, String reason) {
        Caller c = caller.get();
        String name = clients.find(c.clientId()).map(Client::name).orElse(c.clientId());
        audit.record(new AuditLog.Actor("client:" + c.clientId(), name), action, target, reason);
    }
}
