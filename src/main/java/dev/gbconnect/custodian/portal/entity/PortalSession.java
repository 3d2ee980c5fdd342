package dev.gbconnect.custodian.portal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A customer signed in to the portal. Kept in the database, not in one server's HTTP session, so any instance of a
 * cluster answers the next page; the cookie holds a random token, this row only its hash.
 */
@Entity
@Table(name = "PORTAL_SESSION", indexes = @Index(name = "PORTAL_SESSION_EXPIRES", columnList = "EXPIRES_AT"))
public class PortalSession {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 36)
    private String customerId;

    /** Sent back in every form of the session: a page of another site cannot know it. */
    @Column(name = "CSRF", nullable = false, length = 64)
    private String csrf;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private Instant lastSeenAt;

    /** The latest moment it may be used, however active: sign in again after that. */
    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected PortalSession() {}

    public PortalSession(String tokenHash, String customerId, String csrf, Instant now, Duration longest) {
        this.tokenHash = tokenHash;
        this.customerId = customerId;
        this.csrf = csrf;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(longest);
    }

    public boolean usableAt(Instant now, Duration idle) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }

    /** Moves the idle clock, at most once a minute, so reading pages does not write a row each time. */
    public void seen(Instant now) {
        if (now.isAfter(lastSeenAt.plusSeconds(60))) lastSeenAt = now;
    }

    public String customerId() {
        return customerId;
    }

    public String csrf() {
        return csrf;
    }
}
