package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.console.control.StaffIdentity;
import dev.gbconnect.custodian.console.control.StaffSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The end of a sign-in through an identity provider, each in its own transaction: the talk with the provider before
 * it holds no database connection, and a refusal is recorded though the request then fails.
 */
@ApplicationScoped
public class ConsoleSignIns {

    @Inject
    StaffSessions sessions;

    @Inject
    AuditLog audit;

    @Transactional
    public StaffSessions.Started start(StaffIdentity who) {
        StaffSessions.Started started = sessions.start(who);
        audit.record(actor(who), "staff.sign-in", null, null);
        return started;
    }

    @Transactional
    public void refused(StaffIdentity who, String reason) {
        audit.record(actor(who), "staff.sign-in-refused", null, reason);
    }

    private static AuditLog.Actor actor(StaffIdentity who) {
        return new AuditLog.Actor(who.subject(), who.name());
    }
}
