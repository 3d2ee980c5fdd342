package dev.gbconnect.custodian.authorization.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * When a token of an Authorization last read the customer's data, to within the resolution that
 * {@code authorization.control.LastReads} writes it at. A table of its own, so the hot Authorization row that every
 * token check reads is never rewritten by a read.
 */
@Entity
@Table(name = "AUTHORIZATION_LAST_READ")
public class LastRead {

    @Id
    @Column(name = "AUTHORIZATION_ID", length = 36)
    private String authorizationId;

    @Column(name = "READ_AT", nullable = false)
    private Instant readAt;

    protected LastRead() {}

    public LastRead(String authorizationId, Instant readAt) {
        this.authorizationId = authorizationId;
        this.readAt = readAt;
    }

    public String authorizationId() {
        return authorizationId;
    }

    public Instant readAt() {
        return readAt;
    }

    public void readAt(Instant at) {
        if (at.isAfter(readAt)) readAt = at;
    }
}
