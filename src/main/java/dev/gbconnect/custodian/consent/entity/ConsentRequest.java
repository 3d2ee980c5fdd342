package dev.gbconnect.custodian.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A checked authorization request waiting for the customer: kept in the database, not in an HTTP session, so any
 * instance can serve the next page. The browser proves it is the one that started it with a cookie whose hash is
 * stored here (the pages' forms carry the handle; the cookie cannot be forged cross-site), and the handle is
 * replaced at sign-in so a handle seen before sign-in is worth nothing after it.
 */
@Entity
@Table(
        name = "CONSENT_REQUEST",
        indexes = @Index(name = "CONSENT_REQUEST_HANDLE", columnList = "HANDLE_HASH", unique = true))
@NamedQuery(name = ConsentRequest.BY_HANDLE, query = "SELECT r FROM ConsentRequest r WHERE r.handleHash = :handle")
public class ConsentRequest {

    public static final String BY_HANDLE = "ConsentRequest.byHandle";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "HANDLE_HASH", nullable = false, length = 64)
    private String handleHash;

    @Column(name = "BROWSER_HASH", nullable = false, length = 64)
    private String browserHash;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    /** Where the answer goes: as given, or the client's only registered URI when the request named none. */
    @Column(name = "REDIRECT_URI", nullable = false, length = 1024)
    private String redirectUri;

    @Column(name = "REDIRECT_GIVEN", nullable = false)
    private boolean redirectGiven;

    @Column(name = "SCOPE", nullable = false, length = 256)
    private String scope;

    @Column(name = "STATE", length = 1024)
    private String state;

    @Column(name = "CODE_CHALLENGE", length = 128)
    private String codeChallenge;

    @Column(name = "CUSTOMER_ID", length = 36)
    private String customerId;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected ConsentRequest() {}

    public ConsentRequest(
            String id,
            String handleHash,
            String browserHash,
            String clientId,
            String redirectUri,
            boolean redirectGiven,
            String scope,
            String state,
            String codeChallenge,
            Instant expiresAt) {
        this.id = id;
        this.handleHash = handleHash;
        this.browserHash = browserHash;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.redirectGiven = redirectGiven;
        this.scope = scope;
        this.state = state;
        this.codeChallenge = codeChallenge;
        this.expiresAt = expiresAt;
    }

    /** The customer signed in; the old handle stops working. */
    public void signedIn(String customerId, String newHandleHash) {
        this.customerId = customerId;
        this.handleHash = newHandleHash;
    }

    public String browserHash() {
        return browserHash;
    }

    public String clientId() {
        return clientId;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public boolean redirectGiven() {
        return redirectGiven;
    }

    public String scope() {
        return scope;
    }

    public String state() {
        return state;
    }

    public String codeChallenge() {
        return codeChallenge;
    }

    public String customerId() {
        return customerId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
