package dev.gbconnect.custodian.notification.entity;

import dev.gbconnect.custodian.platform.LineList;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One ESPI notice to one third party, in the outbox: written in the transaction of the change it announces and
 * delivered afterwards, at least once. {@link #sequence} orders a third party's notices; {@link #deliveryId} is
 * sent with every attempt so the receiver can drop repeats. The lease marks which instance is sending it, so
 * that several instances on one database never send the same notice at once.
 */
@Entity
@Table(
        name = "NOTIFICATION",
        indexes = {
            @Index(name = "NOTIFICATION_DUE", columnList = "STATE, NEXT_ATTEMPT_AT"),
            @Index(name = "NOTIFICATION_CLIENT", columnList = "CLIENT_ID, STATE, SEQ")
        })
public class Notification {

    /** What the notice is about, which decides the URIs it lists. */
    public enum Kind {
        DATA,
        AUTHORIZATION,
        APPLICATION
    }

    /** PENDING until the third party accepts it; DEAD when every attempt failed, kept for the admin to see and retry. */
    public enum State {
        PENDING,
        DELIVERED,
        DEAD
    }

    /**
     * From a database sequence with no preallocation, so that notices written by different instances are numbered
     * in the order they were written (a block of numbers per instance would interleave them).
     */
    @Id
    @SequenceGenerator(name = "NOTIFICATION_SEQ", sequenceName = "NOTIFICATION_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "NOTIFICATION_SEQ")
    @Column(name = "SEQ")
    private Long sequence;

    @Column(name = "DELIVERY_ID", nullable = false, length = 36, unique = true)
    private String deliveryId;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    /** Why it was sent, in words, for the admin's list. */
    @Column(name = "REASON", nullable = false, length = 256)
    private String reason;

    @Convert(converter = LineList.class)
    @Column(name = "RESOURCES", nullable = false, length = 32000)
    private List<String> resources;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "LAST_ATTEMPT_AT")
    private Instant lastAttemptAt;

    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;

    @Column(name = "LAST_ERROR", length = 512)
    private String lastError;

    @Column(name = "LEASE_OWNER", length = 36)
    private String leaseOwner;

    @Column(name = "LEASE_UNTIL")
    private Instant leaseUntil;

    protected Notification() {}

    public Notification(String clientId, Kind kind, String reason, List<String> resources, Instant now) {
        this.deliveryId = UUID.randomUUID().toString();
        this.clientId = Objects.requireNonNull(clientId);
        this.kind = kind;
        this.reason = reason.length() > 256 ? reason.substring(0, 256) : reason;
        this.resources = List.copyOf(resources);
        this.state = State.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Back in the queue with a fresh count of attempts, keeping its place in its third party's order. */
    public void retry(Instant now) {
        state = State.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        leaseOwner = null;
        leaseUntil = null;
    }

    public Long sequence() {
        return sequence;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public String clientId() {
        return clientId;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public List<String> resources() {
        return resources;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public String lastError() {
        return lastError;
    }
}
