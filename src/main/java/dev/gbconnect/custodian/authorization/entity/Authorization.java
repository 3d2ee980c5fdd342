package dev.gbconnect.custodian.authorization.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One grant of access, the ESPI Authorization: a customer's consent to a third party (with its Subscription, the
 * usage points the customer chose), or a back-office client's standing access for one scope. Every token points
 * here, and every token check reads {@link #status}: ending an Authorization stops its tokens at once.
 */
@Entity
@Table(
        name = "ESPI_AUTHORIZATION",
        indexes = {
            @Index(name = "AUTHORIZATION_CLIENT", columnList = "CLIENT_ID"),
            @Index(name = "AUTHORIZATION_CUSTOMER", columnList = "CUSTOMER_ID"),
            @Index(name = "AUTHORIZATION_SUBSCRIPTION", columnList = "SUBSCRIPTION_ID")
        })
@NamedQuery(
        name = Authorization.STANDING,
        query = "SELECT a FROM Authorization a WHERE a.clientId = :client AND a.scope = :scope"
                + " AND a.customerId IS NULL AND a.status = " + Authorization.ACTIVE + " ORDER BY a.createdAt")
@NamedQuery(
        name = Authorization.OF_CUSTOMER,
        query = "SELECT a FROM Authorization a WHERE a.customerId = :customer ORDER BY a.createdAt DESC, a.id")
@NamedQuery(
        name = Authorization.OWN,
        query = "SELECT a FROM Authorization a WHERE a.clientId = :client AND a.customerId = :customer"
                + " AND a.scope = :scope AND a.grantType = 'password' AND a.status = " + Authorization.ACTIVE
                + " ORDER BY a.createdAt")
public class Authorization {

    public static final String STANDING = "Authorization.standing";
    public static final String OWN = "Authorization.own";
    public static final String OF_CUSTOMER = "Authorization.ofCustomer";

    /**
     * A JPQL subquery that finds the customer of Authorization {@code a} when that customer is disabled: their
     * Authorizations then share nothing, and read as revoked, until the customer is enabled again.
     */
    public static final String DISABLED_CUSTOMER =
            "SELECT r.id FROM RetailCustomer r WHERE r.id = a.customerId AND r.enabled = FALSE";

    /** ESPI AuthorizationStatus codes. */
    public static final int REVOKED = 0, ACTIVE = 1, DENIED = 2;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    /** Null for a back-office client's own access. */
    @Column(name = "CUSTOMER_ID", length = 36)
    private String customerId;

    @Column(name = "SUBSCRIPTION_ID", length = 36)
    private String subscriptionId;

    @Column(name = "GRANT_TYPE", nullable = false, length = 32)
    private String grantType;

    @Column(name = "SCOPE", nullable = false, length = 1024)
    private String scope;

    @Column(nullable = false)
    private int status;

    @Column(name = "AUTHORIZED_START", nullable = false)
    private Instant authorizedStart;

    /** The customer's "until"; null while it lasts until revoked. */
    @Column(name = "AUTHORIZED_END")
    private Instant authorizedEnd;

    /** The oldest data the third party may read, from the scope's HistoryLength; null for no bound. */
    @Column(name = "PUBLISHED_START")
    private Instant publishedStart;

    /** When the newest access token issued under it expires (ESPI expires_at). */
    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "END_REASON", length = 256)
    private String endReason;

    /** Why support granted it on the customer's behalf (ESPI offline authorization); null for the customer's own consent. */
    @Column(name = "OFFLINE_REASON", length = 256)
    private String offlineReason;

    @ElementCollection
    @CollectionTable(
            name = "SUBSCRIPTION_USAGE_POINT",
            joinColumns = @JoinColumn(name = "AUTHORIZATION_ID"),
            indexes = {
                @Index(name = "SUBSCRIPTION_USAGE_POINT_UP", columnList = "USAGE_POINT_ID"),
                @Index(name = "SUBSCRIPTION_USAGE_POINT_AUTH", columnList = "AUTHORIZATION_ID")
            })
    @Column(name = "USAGE_POINT_ID", length = 36, nullable = false)
    private Set<String> usagePointIds = new LinkedHashSet<>();

    protected Authorization() {}

    public Authorization(String id, String clientId, String grantType, String scope, int status, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.clientId = Objects.requireNonNull(clientId);
        this.grantType = grantType;
        this.scope = scope;
        this.status = status;
        this.authorizedStart = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Makes this a customer's consent: whose data, which usage points, until when, how far back. */
    public Authorization forCustomer(
            String customerId,
            String subscriptionId,
            Set<String> usagePointIds,
            Instant until,
            Instant publishedStart) {
        this.customerId = customerId;
        this.subscriptionId = subscriptionId;
        this.usagePointIds.addAll(usagePointIds);
        this.authorizedEnd = until;
        this.publishedStart = publishedStart;
        return this;
    }

    /** The Subscription now covers exactly these usage points. */
    public void usagePoints(Set<String> ids, Instant now) {
        usagePointIds.retainAll(ids);
        usagePointIds.addAll(ids);
        updatedAt = now;
    }

    public Authorization offline(String reason) {
        this.offlineReason = reason;
        return this;
    }

    public boolean activeAt(Instant now) {
        return status == ACTIVE && (authorizedEnd == null || now.isBefore(authorizedEnd));
    }

    /** Ends it for good; every token issued under it stops working on its next use. */
    public void revoke(String reason, Instant now) {
        if (status != ACTIVE) return;
        status = REVOKED;
        endReason = reason;
        updatedAt = now;
    }

    public void tokenIssued(Instant expires, Instant now) {
        expiresAt = expires;
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String customerId() {
        return customerId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String grantType() {
        return grantType;
    }

    public String scope() {
        return scope;
    }

    public int status() {
        return status;
    }

    public Instant authorizedStart() {
        return authorizedStart;
    }

    public Instant authorizedEnd() {
        return authorizedEnd;
    }

    public Instant publishedStart() {
        return publishedStart;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String endReason() {
        return endReason;
    }

    public String offlineReason() {
        return offlineReason;
    }

    public Set<String> usagePointIds() {
        return usagePointIds;
    }
}
