package dev.gbconnect.custodian.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A member of staff signed in to the console. In the database, so every instance sees the same sessions; the cookie
 * holds a random token and this row its hash. It keeps the identity as signed in (subject, name, roles), whoever
 * vouched for it: a local account or an OpenID Connect provider.
 */
@Entity
@Table(name = "STAFF_SESSION", indexes = @Index(name = "STAFF_SESSION_EXPIRES", columnList = "EXPIRES_AT"))
public class StaffSession {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 256)
    private String subject;

    @Column(nullable = false, length = 256)
    private String name;

    /** Role names joined by commas. */
    @Column(nullable = false, length = 64)
    private String roles;

    @Column(nullable = false, length = 64)
    private String csrf;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected StaffSession() {}

    public StaffSession(
            String tokenHash, String subject, String name, String roles, String csrf, Instant now, Duration longest) {
        this.tokenHash = tokenHash;
        this.subject = subject;
        this.name = name;
        this.roles = roles;
        this.csrf = csrf;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(longest);
    }

    public boolean usableAt(Instant now, Duration idle) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }

    /** Moves the idle clock, at most every few seconds, so reading pages does not write a row each time. */
    public void seen(Instant now) {
        if (now.isAfter(lastSeenAt.plusSeconds(5))) lastSeenAt = now;
    }

    public String subject() {
        return subject;
    }

    public String name() {
        return name;
    }

    public String roles() {
        return roles;
    }

    public String csrf() {
        return csrf;
    }
}
