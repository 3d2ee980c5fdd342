package dev.gbconnect.custodian.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A local staff account, for installations without an identity provider: a username, a PBKDF2 password hash and one
 * role. Signed in, it is a staff identity like any other, with subject {@code local:<username>}.
 */
@Entity
@Table(name = "STAFF_ACCOUNT")
@NamedQuery(name = StaffAccount.ALL, query = "SELECT s FROM StaffAccount s ORDER BY s.username")
public class StaffAccount {

    public static final String ALL = "StaffAccount.all";

    @Id
    @Column(length = 128)
    private String username;

    @Column(nullable = false, length = 256)
    private String name;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "STAFF_ROLE", nullable = false, length = 16)
    private Role role;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected StaffAccount() {}

    public StaffAccount(String username, String name, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.name = name;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** A configured first operator's password changed: the configuration wins, as for the admin client. */
    public void password(String hash) {
        this.passwordHash = hash;
    }
}
