package dev.gbconnect.custodian.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One sign-in of a customer's username, succeeded or failed, for the customer's account page and the console's
 * customer page. Holds what a customer needs to recognise a sign-in (when, from which address, which browser) and no
 * more: never the password tried. Swept at {@code expiresAt} like the other short-lived rows.
 */
@Entity
@Table(
        name = "SIGN_IN_RECORD",
        indexes = {
            @Index(name = "SIGN_IN_RECORD_CUSTOMER", columnList = "CUSTOMER_ID, OCCURRED_AT"),
            @Index(name = "SIGN_IN_RECORD_EXPIRES", columnList = "EXPIRES_AT")
        })
@NamedQuery(
        name = SignInRecord.OF_CUSTOMER,
        query = "SELECT r FROM SignInRecord r WHERE r.customerId = :customer AND r.outcome IN :outcomes"
                + " ORDER BY r.occurredAt DESC, r.id")
public class SignInRecord {

    public static final String OF_CUSTOMER = "SignInRecord.ofCustomer";

    public enum Outcome {
        SUCCEEDED,
        FAILED
    }

    /** Where the password was typed: the portal's sign-in, a third party's consent sign-in, the account page. */
    public enum Channel {
        PORTAL,
        CONSENT,
        ACCOUNT
    }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 36)
    private String customerId;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", nullable = false, length = 16)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHANNEL", nullable = false, length = 16)
    private Channel channel;

    @Column(name = "ADDRESS", length = 64)
    private String address;

    @Column(name = "AGENT", length = 200)
    private String agent;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected SignInRecord() {}

    public SignInRecord(
            String customerId,
            Instant now,
            Outcome outcome,
            Channel channel,
            String address,
            String agent,
            Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.occurredAt = now;
        this.outcome = outcome;
        this.channel = channel;
        this.address = clip(address, 64);
        this.agent = clip(agent, 200);
        this.expiresAt = expiresAt;
    }

    private static String clip(String s, int length) {
        return s == null || s.length() <= length ? s : s.substring(0, length);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    public Channel channel() {
        return channel;
    }

    public String address() {
        return address;
    }

    public String agent() {
        return agent;
    }
}
