package dev.gbconnect.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One action of a member of staff (issue 19 item 8). Written once and never changed: the class has no setter, and no
 * code updates or deletes the table.
 */
@Entity
@Table(name = "AUDIT_ENTRY", indexes = @Index(name = "AUDIT_ENTRY_AT", columnList = "OCCURRED_AT"))
public class AuditEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    /** Who: the identity's subject (stable) and the name it had then (readable). */
    @Column(name = "ACTOR_SUBJECT", nullable = false, length = 256)
    private String actorSubject;

    @Column(name = "ACTOR_NAME", nullable = false, length = 256)
    private String actorName;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(length = 256)
    private String target;

    @Column(length = 512)
    private String reason;

    protected AuditEntry() {}

    public AuditEntry(
            String id,
            Instant occurredAt,
            String actorSubject,
            String actorName,
            String action,
            String target,
            String reason) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actorSubject = actorSubject;
        this.actorName = actorName;
        this.action = action;
        this.target = target;
        this.reason = reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorSubject() {
        return actorSubject;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String reason() {
        return reason;
    }
}
