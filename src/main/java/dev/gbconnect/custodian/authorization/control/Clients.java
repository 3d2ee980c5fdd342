package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.ClientSecret;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.authorization.entity.Registration;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.OAuthError;
import dev.gbconnect.custodian.platform.OAuthException;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client register: RFC 7591 registration of third parties, their secrets (at most two active, for rotation
 * without downtime), suspension and revocation, and client authentication. Joins the caller's transaction.
 */
@ApplicationScoped
public class Clients {

    /** Enough for rotation: the old secret keeps working while the new one is rolled out. */
    static final int MAX_ACTIVE_SECRETS = 2;
    /** {@code password} is the large-customer exception (see PasswordGrant): only the utility's admin grants it. */
    private static final Set<String> GRANT_TYPES =
            Set.of("authorization_code", "refresh_token", "client_credentials", "password");

    private static final Set<String> ESPI_GRANT_TYPES =
            Set.of("authorization_code", "refresh_token", "client_credentials");
    private static final Set<String> AUTH_METHODS = Set.of(Client.SECRET_BASIC, Client.SECRET_POST, Client.PUBLIC);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ApplicationChanged> changed;

    @Inject
    ClientLockout lockout;

    @Inject
    Authorizations authorizations;

    /**
     * A new third party waits in ESPI's Review (dataCustodianApplicationStatus 1) until the utility approves it: no
     * token, no customer consent before then. Off, a registration is in Production at once.
     */
    @Inject
    @ConfigProperty(name = "custodian.registration.review-required", defaultValue = "true")
    boolean reviewRequired;

    /** A secret as it is shown, once: its id (to revoke it later) and the secret itself. */
    public record NewSecret(String id, String secret, Instant createdAt) {}

    /** A new client and, unless it is public, its first secret. */
    public record Registered(Client client, NewSecret secret) {}

    /**
     * The active client these credentials prove, or empty. {@code secret} is null for a public client, which
     * proves nothing and is only named; {@code method} is how the request authenticated. The client, its secrets
     * and its recent failures come in one query: every grant starts here. A client held back after too many wrong
     * secrets gets 429 before any secret is hashed ({@link ClientLockout}).
     */
    public Optional<Client> authenticate(String id, String secret, String method) {
        lockout.refuseIfKnownHeld(id);
        List<Object[]> rows = em.createNamedQuery(Client.WITH_SECRETS, Object[].class)
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) return Optional.empty();
        Client client = (Client) rows.get(0)[0];
        lockout.refuseIfHeld(id, (Instant) rows.get(0)[2]);
        if (client.status() != Client.Status.ACTIVE || !client.accepts(method)) return Optional.empty();
        if (client.isPublic()) return Optional.of(client);
        for (Object[] row : rows) {
            if (row[1] != null && PasswordHash.verify(secret, (String) row[1])) {
                if (rows.get(0)[3] != null) lockout.succeeded(id);
                return Optional.of(client);
            }
        }
        lockout.failed(id);
        return Optional.empty();
    }

    public Registered register(Registration request) {
        Registration r = checked(request);
        Instant now = Instant.now();
        Client client = new Client(
                UUID.randomUUID().toString(),
                Client.Kind.THIRD_PARTY,
                reviewRequired ? Client.Status.REVIEW : Client.Status.ACTIVE,
                r,
                now);
        em.persist(client);
        return new Registered(client, client.isPublic() ? null : addSecret(client, PasswordHash.newSecret(), true));
    }

    /**
     * A customer's own client for the password grant, created in the portal: confidential, password and
     * refresh_token only, the personal scope ceiling, good for its owner's username alone.
     */
    public Registered personal(String customerId, String name, String scope) {
        text("name", name, 256, true);
        Registration r = Registration.named(name.strip())
                .grantTypes(List.of("password", "refresh_token"))
                .scopes(List.of(scope))
                .tokenEndpointAuthMethod(Client.SECRET_BASIC)
                .clientDescription("personal API access")
                .build();
        Client client = Client.personal(UUID.randomUUID().toString(), customerId, r, Instant.now());
        em.persist(client);
        return new Registered(client, addSecret(client, PasswordHash.newSecret(), true));
    }

    public List<Client> personalOf(String customerId) {
        return em.createNamedQuery(Client.OWNED_BY, Client.class)
                .setParameter("owner", customerId)
                .setParameter("active", Client.Status.ACTIVE)
                .getResultList();
    }

    /** Ends a customer's own client (its tokens stop at once); false when it is not theirs, which looks like absent. */
    public boolean endPersonal(String customerId, String clientId) {
        Client c = clientId == null ? null : em.find(Client.class, clientId);
        if (c == null || !customerId.equals(c.owner())) return false;
        c.status(Client.Status.REVOKED, Instant.now());
        return true;
    }

    /** {@code byAdmin} false: the client updates itself, and cannot give itself the password grant. */
    public Client update(String id, Registration request, boolean byAdmin) {
        Client client = thirdParty(id);
        Registration r = checked(request);
        if (!byAdmin && r.grantTypes().contains("password") && !client.allows("password")) {
            throw metadata("only the data custodian can enable the password grant for a client");
        }
        if (client.isPublic() != Client.PUBLIC.equals(r.tokenEndpointAuthMethod())) {
            throw metadata(
                    "token_endpoint_auth_method cannot change between a public client (none) and a confidential one; register a new client");
        }
        client.register(r, Instant.now());
        changed.fire(new ApplicationChanged(client));
        return client;
    }

    /**
     * Approves, suspends, reactivates or revokes a third party; its tokens follow at once, as every token check reads
     * the status, and its notify endpoint hears of every change but the approval. Revoking also ends its Authorizations, so that customers and the ESPI Authorization resources show
     * them ended rather than active for an application that can never use them again.
     */
    public Client status(String id, Client.Status status) {
        Client client = thirdParty(id);
        if (client.status() == Client.Status.REVOKED && status != Client.Status.REVOKED) {
            throw ApiError.CLIENT_REVOKED.because("client " + id + " is revoked for good; register it again");
        }
        Client.Status before = client.status();
        client.status(status, Instant.now());
        if (status == Client.Status.REVOKED)
            authorizations.endAllOf(client.id(), "the data custodian revoked the application");
        // Leaving Review is not announced: the third party has had no token to read anything with, so nothing it
        // knows has changed; its first token request is what tells it (and the utility, when it onboards it).
        if (before != Client.Status.REVIEW) changed.fire(new ApplicationChanged(client));
        return client;
    }

    /** A third party's registration, or 404 (also for the admin client, which is not registered here). */
    public Client thirdParty(String id) {
        Client client = id == null ? null : em.find(Client.class, id);
        if (client == null || client.kind() != Client.Kind.THIRD_PARTY) throw ApiException.notFound("client " + id);
        return client;
    }

    public Optional<Client> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Client.class, id));
    }

    public List<Client> thirdParties() {
        return em.createNamedQuery(Client.BY_KIND, Client.class)
                .setParameter("kind", Client.Kind.THIRD_PARTY)
                .getResultList();
    }

    /** One page of the third parties' registrations (ESPI ApplicationInformation); {@code onlyId} null: all of them. */
    public FeedQuery.Slice<Client> thirdParties(String onlyId, FeedQuery query) {
        TypedQuery<Client> q = em.createQuery(
                        "SELECT c FROM Client c WHERE c.kind = :kind" + (onlyId == null ? "" : " AND c.id = :id")
                                + query.jpql("c.issuedAt", "c.updatedAt") + " ORDER BY c.issuedAt, c.id",
                        Client.class)
                .setParameter("kind", Client.Kind.THIRD_PARTY);
        if (onlyId != null) q.setParameter("id", onlyId);
        return query.read(q);
    }

    public NewSecret newSecret(String clientId) {
        Client client = thirdParty(clientId);
        if (client.isPublic())
            throw ApiError.INVALID_REQUEST.because("a public client (token_endpoint_auth_method none) has no secrets");
        return addSecret(client, PasswordHash.newSecret(), true);
    }

    /**
     * A new secret, and every older one but the newest revoked: the one in use keeps working while the new one is
     * rolled out, and the client never holds more than {@link #MAX_ACTIVE_SECRETS}.
     */
    public NewSecret rotate(String clientId) {
        List<ClientSecret> oldestFirst = activeSecrets(clientId);
        Instant now = Instant.now();
        oldestFirst
                .subList(0, Math.max(0, oldestFirst.size() - (MAX_ACTIVE_SECRETS - 1)))
                .forEach(s -> s.revoke(now));
        return newSecret(clientId);
    }

    public void revokeSecret(String clientId, String secretId) {
        ClientSecret secret = activeSecrets(clientId).stream()
                .filter(s -> s.id().equals(secretId))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("active secret " + secretId + " of client " + clientId));
        secret.revoke(Instant.now());
    }

    public List<ClientSecret> activeSecrets(String clientId) {
        return em.createNamedQuery(ClientSecret.ACTIVE, ClientSecret.class)
                .setParameter("client", clientId)
                .getResultList();
    }

    /** Adds a secret; {@code generated} ones have full entropy and get the fast hash. */
    NewSecret addSecret(Client client, String secret, boolean generated) {
        if (activeSecrets(client.id()).size() >= MAX_ACTIVE_SECRETS) {
            throw ApiError.TOO_MANY_SECRETS.because("client " + client.id() + " already has " + MAX_ACTIVE_SECRETS
                    + " active secrets; revoke the old one first");
        }
        Instant now = Instant.now();
        ClientSecret stored = new ClientSecret(
                UUID.randomUUID().toString(),
                client.id(),
                generated ? PasswordHash.hashGenerated(secret) : PasswordHash.hash(secret),
                now);
        em.persist(stored);
        return new NewSecret(stored.id(), secret, now);
    }

    /** RFC 7591 §2 metadata, checked, with the defaults filled in. */
    private static Registration checked(Registration r) {
        if (r == null) throw metadata("a JSON object of client metadata is required");
        texts(r);
        String method = r.tokenEndpointAuthMethod() == null ? Client.SECRET_BASIC : r.tokenEndpointAuthMethod();
        if (!AUTH_METHODS.contains(method))
            throw metadata("token_endpoint_auth_method must be one of "
                    + String.join(", ", AUTH_METHODS.stream().sorted().toList()));
        List<String> grants = grants(r.grantTypes(), Client.PUBLIC.equals(method));
        List<String> redirects = redirects(r.redirectUris());
        List<String> scopes = scopes(r.scopes());
        List<String> contacts = contacts(r.contacts());
        webUris(r);
        return r.toBuilder()
                .redirectUris(redirects)
                .grantTypes(grants)
                .scopes(scopes)
                .tokenEndpointAuthMethod(method)
                .contacts(contacts)
                .build();
    }

    private static void texts(Registration r) {
        text("client_name", r.clientName(), 256, true);
        text("client_description", r.clientDescription(), 256, false);
        text("software_id", r.softwareId(), 256, false);
        text("software_version", r.softwareVersion(), 32, false);
    }

    /** The grant types asked for, or the defaults for a public or a confidential client. */
    private static List<String> grants(List<String> asked, boolean pub) {
        List<String> grants = asked != null
                ? List.copyOf(asked)
                : pub
                        ? List.of("authorization_code", "refresh_token")
                        : List.of("authorization_code", "refresh_token", "client_credentials");
        for (String g : grants) {
            if (!GRANT_TYPES.contains(g))
                throw metadata("grant_types may hold "
                        + String.join(", ", GRANT_TYPES.stream().sorted().toList()) + "; not " + g);
        }
        if (pub && (grants.contains("client_credentials") || grants.contains("password"))) {
            throw metadata(
                    "a public client (token_endpoint_auth_method none) cannot use client_credentials or password");
        }
        // espi.xsd: an ApplicationInformation names at least two of its own three grant types.
        if (grants.stream().filter(ESPI_GRANT_TYPES::contains).count() < 2) {
            throw metadata(
                    "grant_types must hold at least two of authorization_code, client_credentials, refresh_token (ESPI requires it)");
        }
        return grants;
    }

    private static List<String> redirects(List<String> asked) {
        List<String> redirects = asked == null ? List.of() : List.copyOf(asked);
        // espi.xsd: every ApplicationInformation has a redirect_uri, whatever grants it uses.
        if (redirects.isEmpty()) throw invalidRedirect("redirect_uris is required");
        if (redirects.size() > 10) throw metadata("at most 10 redirect_uris");
        for (String uri : redirects) redirect(uri);
        return redirects;
    }

    private static List<String> scopes(List<String> asked) {
        List<String> scopes = asked == null ? List.of() : List.copyOf(asked);
        if (scopes.isEmpty()) throw metadata("scopes must list the ESPI scopes this client may ask customers for");
        if (scopes.size() > 20) throw metadata("at most 20 scopes");
        for (String s : scopes) {
            try {
                EspiScope.parse(s);
            } catch (IllegalArgumentException e) {
                throw metadata("scope '" + s + "': " + e.getMessage());
            }
        }
        return scopes;
    }

    private static List<String> contacts(List<String> asked) {
        List<String> contacts = asked == null ? List.of() : List.copyOf(asked);
        if (contacts.size() > 10) throw metadata("at most 10 contacts");
        contacts.forEach(c -> text("contacts", c, 256, true));
        return contacts;
    }

    private static void webUris(Registration r) {
        // ESPI: every third party has a notification endpoint (BatchList pushes go there).
        if (r.thirdPartyNotifyUri() == null) throw metadata("third_party_notify_uri is required");
        for (String[] uri : new String[][] {
            {"third_party_notify_uri", r.thirdPartyNotifyUri()},
            {"third_party_scope_selection_uri", r.thirdPartyScopeSelectionUri()},
            {"third_party_user_portal_screen_uri", r.thirdPartyUserPortalScreenUri()},
            {"client_uri", r.clientUri()},
            {"logo_uri", r.logoUri()},
            {"tos_uri", r.tosUri()},
            {"policy_uri", r.policyUri()}
        }) {
            if (uri[1] != null) webUri(uri[0], uri[1]);
        }
    }

    /** RFC 9700 §4.1.1: redirect URIs are compared exactly, so they must be exact: no fragment, no user info. */
    private static void redirect(String uri) {
        URI parsed = webUri("redirect_uris", uri);
        if (parsed.getRawFragment() != null || uri.contains("#")) throw invalidRedirect(uri + " has a fragment");
        if (parsed.getRawUserInfo() != null) throw invalidRedirect(uri + " has user info");
    }

    /** An absolute https URI, or http on the loopback interface (RFC 8252 §7.3). */
    private static URI webUri(String field, String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw "redirect_uris".equals(field)
                    ? invalidRedirect(uri + " is not a URI")
                    : metadata(field + ": " + uri + " is not a URI");
        }
        if (uri.length() > 1024 || !webAddress(parsed)) {
            String message = uri
                    + " must be an absolute https URI (http only for 127.0.0.1, [::1] or localhost), at most 1024 characters";
            throw "redirect_uris".equals(field) ? invalidRedirect(message) : metadata(field + ": " + message);
        }
        return parsed;
    }

    /** Where we send customers and notices: https anywhere, http only to this machine. */
    public static boolean webAddress(URI uri) {
        return uri.getHost() != null
                && ("https".equals(uri.getScheme())
                        || "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost()));
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw metadata(field + " is required");
        } else if (value.length() > max) {
            throw metadata(field + " is at most " + max + " characters");
        }
    }

    private static OAuthException invalidRedirect(String message) {
        return OAuthError.INVALID_REDIRECT_URI.because(message);
    }

    private static OAuthException metadata(String message) {
        return OAuthError.INVALID_CLIENT_METADATA.because(message);
    }
}
