package dev.gbconnect.custodian.authorization.entity;

import dev.gbconnect.custodian.platform.LineList;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OAuth client: the data custodian's own admin client, or a registered third party (what ESPI calls its
 * ApplicationInformation). Secrets are kept apart ({@link ClientSecret}) so that a client can hold two while it
 * rotates them.
 */
@Entity
@Table(name = "OAUTH_CLIENT")
@NamedQuery(name = Client.BY_KIND, query = "SELECT c FROM Client c WHERE c.kind = :kind ORDER BY c.issuedAt, c.id")
@NamedQuery(
        name = Client.OWNED_BY,
        query = "SELECT c FROM Client c WHERE c.owner = :owner AND c.status = :active ORDER BY c.issuedAt, c.id")
@NamedQuery(
        name = Client.WITH_SECRETS,
        query = "SELECT c, s.hash, f.failures.lockedUntil, f.clientId FROM Client c"
                + " LEFT JOIN ClientSecret s ON s.clientId = c.id AND s.revokedAt IS NULL"
                + " LEFT JOIN ClientAuthFailures f ON f.clientId = c.id WHERE c.id = :id")
public class Client {

    public static final String BY_KIND = "Client.byKind";
    public static final String OWNED_BY = "Client.ownedBy";
    /**
     * The client with the hash of each active secret, one row per secret (one row with a null hash if none), and
     * its recent failures: until when it is held back, and whether failures are on record (null when none).
     */
    public static final String WITH_SECRETS = "Client.withSecrets";

    /** PERSONAL: a customer's own script client, created in the portal, good for the password grant of its owner only. */
    public enum Kind {
        ADMIN,
        THIRD_PARTY,
        PERSONAL
    }

    /**
     * ACTIVE clients get and use tokens; a new registration waits in REVIEW until the data custodian approves it;
     * SUSPENDED ones can be reactivated; REVOKED is final. None but ACTIVE gets or uses a token.
     */
    public enum Status {
        REVIEW(1),
        ACTIVE(2),
        SUSPENDED(3),
        REVOKED(4);

        private final int espi;

        Status(int espi) {
            this.espi = espi;
        }

        /** espi.xsd dataCustodianApplicationStatus: 1 Review, 2 Production, 3 On Hold, 4 Revoked. */
        public int espiCode() {
            return espi;
        }
    }

    /** RFC 7591 §2 {@code token_endpoint_auth_method}: how the client proves itself at the token endpoint. */
    public static final String SECRET_BASIC = "client_secret_basic",
            SECRET_POST = "client_secret_post",
            PUBLIC = "none";

    @Id
    @Column(name = "CLIENT_ID", length = 64)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "CLIENT_NAME", nullable = false, length = 256)
    private String name;

    @Column(name = "DESCRIPTION", length = 256)
    private String description;

    @Column(name = "AUTH_METHOD", nullable = false, length = 32)
    private String authMethod;

    @Convert(converter = LineList.class)
    @Column(name = "GRANT_TYPES", length = 256)
    private List<String> grantTypes;

    @Convert(converter = LineList.class)
    @Column(name = "SCOPES", length = 8000)
    private List<String> scopes;

    @Convert(converter = LineList.class)
    @Column(name = "REDIRECT_URIS", length = 8000)
    private List<String> redirectUris;

    @Column(name = "NOTIFY_URI", length = 1024)
    private String notifyUri;

    @Column(name = "SCOPE_SELECTION_URI", length = 1024)
    private String scopeSelectionUri;

    @Column(name = "USER_PORTAL_URI", length = 1024)
    private String userPortalUri;

    @Column(name = "CLIENT_URI", length = 1024)
    private String clientUri;

    @Column(name = "LOGO_URI", length = 1024)
    private String logoUri;

    @Column(name = "TOS_URI", length = 1024)
    private String tosUri;

    @Column(name = "POLICY_URI", length = 1024)
    private String policyUri;

    @Column(name = "SOFTWARE_ID", length = 256)
    private String softwareId;

    @Column(name = "SOFTWARE_VERSION", length = 32)
    private String softwareVersion;

    @Convert(converter = LineList.class)
    @Column(name = "CONTACTS", length = 2048)
    private List<String> contacts;

    /** The customer a PERSONAL client belongs to; null for every other kind. */
    @Column(name = "OWNER_CUSTOMER_ID", length = 36)
    private String owner;

    @Column(name = "ISSUED_AT", nullable = false)
    private Instant issuedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected Client() {}

    public Client(String id, Kind kind, Registration registration, Instant now) {
        this(id, kind, Status.ACTIVE, registration, now);
    }

    public Client(String id, Kind kind, Status status, Registration registration, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.status = Objects.requireNonNull(status);
        this.issuedAt = now;
        register(registration, now);
    }

    /** A customer's own client for their scripts. */
    public static Client personal(String id, String ownerCustomerId, Registration registration, Instant now) {
        Client c = new Client(id, Kind.PERSONAL, registration, now);
        c.owner = Objects.requireNonNull(ownerCustomerId);
        return c;
    }

    /** Replaces everything the client registered; the id, kind, status and secrets stay. */
    public void register(Registration r, Instant now) {
        name = Objects.requireNonNull(r.clientName());
        description = r.clientDescription();
        authMethod = r.tokenEndpointAuthMethod() == null ? SECRET_BASIC : r.tokenEndpointAuthMethod();
        grantTypes = r.grantTypes();
        scopes = r.scopes();
        redirectUris = r.redirectUris();
        notifyUri = r.thirdPartyNotifyUri();
        scopeSelectionUri = r.thirdPartyScopeSelectionUri();
        userPortalUri = r.thirdPartyUserPortalScreenUri();
        clientUri = r.clientUri();
        logoUri = r.logoUri();
        tosUri = r.tosUri();
        policyUri = r.policyUri();
        softwareId = r.softwareId();
        softwareVersion = r.softwareVersion();
        contacts = r.contacts();
        updatedAt = now;
    }

    public Registration registration() {
        return Registration.named(name)
                .redirectUris(redirectUris)
                .grantTypes(grantTypes)
                .scopes(scopes)
                .tokenEndpointAuthMethod(authMethod)
                .thirdPartyNotifyUri(notifyUri)
                .thirdPartyScopeSelectionUri(scopeSelectionUri)
                .thirdPartyUserPortalScreenUri(userPortalUri)
                .clientDescription(description)
                .clientUri(clientUri)
                .logoUri(logoUri)
                .tosUri(tosUri)
                .policyUri(policyUri)
                .softwareId(softwareId)
                .softwareVersion(softwareVersion)
                .contacts(contacts)
                .build();
    }

    public void status(Status status, Instant now) {
        if (this.status == Status.REVOKED && status != Status.REVOKED)
            throw new IllegalStateException("a revoked client stays revoked");
        this.status = status;
        this.updatedAt = now;
    }

    /** Is this one of the scopes it registered ({@link EspiScope#same}: a trailing {@code ;} does not count)? */
    public boolean offers(String scope) {
        return scopes.stream().anyMatch(s -> EspiScope.same(s, scope));
    }

    public boolean allows(String grantType) {
        return grantTypes.contains(grantType);
    }

    /** The registered method (RFC 7591) is enforced; the admin client may use either secret method. */
    public boolean accepts(String method) {
        return kind == Kind.ADMIN ? !PUBLIC.equals(method) : authMethod.equals(method);
    }

    /** Can a customer start a connection to it from our side (ESPI's data-custodian-initiated flow)? */
    public boolean connectable() {
        return kind == Kind.THIRD_PARTY && status == Status.ACTIVE && scopeSelectionUri != null;
    }

    public boolean isPublic() {
        return PUBLIC.equals(authMethod);
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String owner() {
        return owner;
    }

    public Status status() {
        return status;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String authMethod() {
        return authMethod;
    }

    public List<String> grantTypes() {
        return grantTypes;
    }

    public List<String> scopes() {
        return scopes;
    }

    public List<String> redirectUris() {
        return redirectUris;
    }

    public String clientUri() {
        return clientUri;
    }

    public String notifyUri() {
        return notifyUri;
    }

    public String scopeSelectionUri() {
        return scopeSelectionUri;
    }

    /** ESPI thirdPartyUserPortalScreenURI; null when the third party registered none. */
    public String userPortalUri() {
        return userPortalUri;
    }

    public String logoUri() {
        return logoUri;
    }

    public String tosUri() {
        return tosUri;
    }

    public String policyUri() {
        return policyUri;
    }

    public String softwareId() {
        return softwareId;
    }

    public String softwareVersion() {
        return softwareVersion;
    }

    public List<String> contacts() {
        return contacts;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
