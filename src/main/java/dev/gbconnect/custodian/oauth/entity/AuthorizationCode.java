package dev.gbconnect.custodian.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An authorization code (RFC 6749 §4.1.2), hashed. It remembers what the token request must repeat: the client,
 * the redirect URI when the authorization request named one, and the PKCE challenge (RFC 7636).
 */
@Entity
@Table(name = "AUTHORIZATION_CODE")
@NamedQuery(
        name = AuthorizationCode.USE,
        query = "UPDATE AuthorizationCode c SET c.usedAt = :now WHERE c.hash = :hash AND c.usedAt IS NULL")
public class AuthorizationCode {

    public static final String USE = "AuthorizationCode.use";

    @Id
    @Column(name = "CODE_HASH", length = 64)
    private String hash;

    @Column(name = "AUTHORIZATION_ID", nullable = false, length = 36)
    private String authorizationId;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    /** As the authorization request gave it; null when it left it out (RFC 6749 §4.1.3). */
    @Column(name = "REDIRECT_URI", length = 1024)
    private String redirectUri;

    @Column(name = "CODE_CHALLENGE", length = 128)
    private String codeChallenge;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "USED_AT")
    private Instant usedAt;

    protected AuthorizationCode() {}

    public AuthorizationCode(
            String hash,
            String authorizationId,
            String clientId,
            String redirectUri,
            String codeChallenge,
            Instant expiresAt) {
        this.hash = hash;
        this.authorizationId = authorizationId;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.codeChallenge = codeChallenge;
        this.expiresAt = expiresAt;
    }

    public String authorizationId() {
        return authorizationId;
    }

    public String clientId() {
        return clientId;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String codeChallenge() {
        return codeChallenge;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
