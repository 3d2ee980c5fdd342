package dev.gbconnect.custodian.consent.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.authorization.entity.SharingEnd;
import dev.gbconnect.custodian.consent.entity.ConsentRequest;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.control.SignIns;
import dev.gbconnect.custodian.oauth.control.AuthorizationCodeGrant;
import dev.gbconnect.custodian.oauth.control.Tokens;
import dev.gbconnect.custodian.platform.AuthorizationError;
import dev.gbconnect.custodian.platform.AuthorizationRedirect;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PageException;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The authorization endpoint's steps (RFC 6749 §4.1.1 to §4.1.2): check the request, sign the customer in,
 * record the decision, and answer the client by redirect. Joins the caller's transaction.
 */
@ApplicationScoped
public class Consents {

    /** RFC 7636 §4.2: a S256 challenge is 43 base64url characters; longer ones are allowed by the grammar. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private static final Pattern BROWSER = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** The title of a refused request; this and the other refusals are keys of the customers' texts. */
    private static final String REFUSED = "error.refused.title";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clients clients;

    @Inject
    Customers customers;

    @Inject
    Authorizations authorizations;

    @Inject
    AuthorizationCodeGrant codes;

    @Inject
    UsageInventory usage;

    @Inject
    @ConfigProperty(name = "custodian.consent.request-lifetime", defaultValue = "PT15M")
    Duration requestLifetime;

    @Inject
    @ConfigProperty(name = "custodian.consent.longest", defaultValue = "P5Y")
    Period longest;

    /**
     * Documented deviation, off by default: GBA's harness expects 401 for a missing or unknown client_id
     * (GREEN-BUTTON-CMD.md OA-04), a status RFC 9110 §15.5.2 reserves for answers with a challenge, which would
     * make a browser ask the customer for a password. Outside harness mode it is 400.
     */
    @Inject
    @ConfigProperty(name = "custodian.gba-harness", defaultValue = "false")
    boolean gbaHarness;

    /** A consent request as a page shows it, with the handle its forms carry. */
    public record Pending(ConsentRequest request, String handle, Client client) {}

    /** The customer's answer: where to send the browser, or what to fix on the page (a key of the customers' texts). */
    public record Decision(URI redirect, String problem) {}

    /** The browser's secret: the one its cookie holds when well-formed, else a new one. */
    public static String browser(String cookie) {
        return cookie != null && BROWSER.matcher(cookie).matches() ? cookie : PasswordHash.newSecret();
    }

    /**
     * Checks an authorization request. Until the client and redirect URI are known to be genuine, a problem is
     * a page for the person (RFC 6749 §4.1.2.1: never redirect to an unchecked URI); after that it goes back
     * to the client by redirect.
     */
    public Pending start(Map<String, List<String>> query, String browser, String issuer) {
        for (String name : List.of("client_id", "redirect_uri")) {
            if (query.getOrDefault(name, List.of()).size() > 1)
                throw refused(name + " appears more than once in the request.");
        }
        Client client = client(single(query, "client_id"));
        String given = single(query, "redirect_uri");
        String redirect = redirect(client, given);
        String state = single(query, "state");
        Answer answer = new Answer(redirect, state, issuer);
        approved(client, answer);
        String scope = scope(query, client, answer);
        String challenge = challenge(query, client, answer);
        String handle = PasswordHash.newSecret();
        ConsentRequest request = new ConsentRequest(
                UUID.randomUUID().toString(),
                Tokens.hash(handle),
                Tokens.hash(browser),
                client.id(),
                redirect,
                given != null,
                scope,
                state,
                challenge,
                Instant.now().plus(requestLifetime));
        em.persist(request);
        return new Pending(request, handle, client);
    }

    /** A third party that may ask, or one waiting for the data custodian ({@link #approved} answers that). */
    private Client client(String clientId) {
        return clients.find(clientId)
                .filter(c -> c.kind() == Client.Kind.THIRD_PARTY
                        && c.status() != Client.Status.REVOKED
                        && c.allows("authorization_code"))
                .orElseThrow(() -> (gbaHarness ? PageError.UNKNOWN_CLIENT_HARNESS : PageError.INVALID)
                        .customer(REFUSED, "error.unknown-client"));
    }

    /**
     * A registration in Review or On Hold is genuine but may not receive consent yet: RFC 6749 §4.1.2.1
     * {@code unauthorized_client}, told to the client (whose redirect URI is checked by now) before anyone signs in.
     */
    private static void approved(Client client, Answer answer) {
        if (client.status() == Client.Status.REVIEW)
            throw answer.error(
                    AuthorizationError.UNAUTHORIZED_CLIENT,
                    "the data custodian has not approved this application yet (dataCustodianApplicationStatus 1, Review)");
        if (client.status() != Client.Status.ACTIVE)
            throw answer.error(
                    AuthorizationError.UNAUTHORIZED_CLIENT,
                    "the data custodian has put this application on hold (dataCustodianApplicationStatus 3)");
    }

    private static String redirect(Client client, String given) {
        String redirect = given != null
                ? given
                : client.redirectUris().size() == 1 ? client.redirectUris().get(0) : null;
        if (redirect == null) throw refused("error.no-redirect");
        // RFC 9700 §4.1.3: exact string comparison, nothing normalized. 403, as GBA's harness expects (OA-04).
        if (!client.redirectUris().contains(redirect))
            throw PageError.FOREIGN_REDIRECT.customer(REFUSED, "error.foreign-redirect");
        return redirect;
    }

    /**
     * The request's other parameters, each answered by redirect. The scope must be one the client registered
     * (FB_31/FB_65): a client registered for usage data only cannot ask for personal information (FB_53).
     */
    private static String scope(Map<String, List<String>> query, Client client, Answer answer) {
        query.forEach((name, values) -> {
            if (values.size() > 1)
                throw answer.error(AuthorizationError.INVALID_REQUEST, name + " appears more than once");
        });
        String responseType = single(query, "response_type");
        if (responseType == null) throw answer.error(AuthorizationError.INVALID_REQUEST, "response_type is required");
        if (!"code".equals(responseType))
            throw answer.error(AuthorizationError.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
        if (answer.state() != null && answer.state().length() > 1024)
            throw answer.error(AuthorizationError.INVALID_REQUEST, "state is longer than 1024 characters");
        String scope = single(query, "scope");
        if (scope == null)
            throw answer.error(
                    AuthorizationError.INVALID_SCOPE,
                    "scope is required: one of the ESPI scopes the application registered");
        if (!client.offers(scope))
            throw answer.error(AuthorizationError.INVALID_SCOPE, "scope is not one this application registered");
        return scope;
    }

    /** The request this browser holds under this handle, while it lasts. */
    public Pending pending(String handle, String browser) {
        List<ConsentRequest> found = handle == null
                ? List.of()
                : em.createNamedQuery(ConsentRequest.BY_HANDLE, ConsentRequest.class)
                        .setParameter("handle", Tokens.hash(handle))
                        .getResultList();
        if (found.isEmpty()
                || browser == null
                || !found.get(0).browserHash().equals(Tokens.hash(browser))
                || !Instant.now().isBefore(found.get(0).expiresAt())) {
            throw PageError.INVALID.customer("error.expired.title", "error.expired");
        }
        ConsentRequest r = found.get(0);
        Client client = clients.find(r.clientId())
                .filter(c -> c.status() == Client.Status.ACTIVE)
                .orElseThrow(() -> refused("error.no-longer-allowed"));
        return new Pending(r, handle, client);
    }

    /** Signs the customer in; the answer is the request's new handle, or empty for wrong credentials. */
    public Optional<String> signIn(Pending p, String username, String password, SignIns.Attempt where) {
        return customers.authenticate(username, password, where).map(customer -> {
            String handle = PasswordHash.newSecret();
            p.request().signedIn(customer.id(), Tokens.hash(handle));
            return handle;
        });
    }

    public List<UsagePoint> usagePoints(Pending p) {
        return usage.usagePoints(signedIn(p));
    }

    /**
     * The local time the consent page's days are read in: that of the customer's usage points
     * ({@link LocalTimeRules#common}), as each share ends at a local midnight (issue 20: "share until" in local time).
     */
    public LocalTimeRules localTime(Pending p) {
        return LocalTimeRules.common(usage.localTimes(signedIn(p)), List.of());
    }

    /** The first day a share may end on: tomorrow, in {@code zone}. */
    public static LocalDate earliestUntil(LocalTimeRules zone) {
        return zone.dayOf(Instant.now()).plusDays(1);
    }

    /** The default "until": a year from today, in {@code zone}. */
    public static LocalDate defaultUntil(LocalTimeRules zone) {
        return zone.dayOf(Instant.now()).plusYears(1);
    }

    public LocalDate latestUntil(LocalTimeRules zone) {
        return zone.dayOf(Instant.now()).plus(longest);
    }

    /**
     * Records the customer's decision and answers the client (RFC 6749 §4.1.2). {@code personal}: the customer ticked
     * personal information, which only a scope with FB_53 offers.
     */
    public Decision decide(
            Pending p, boolean approve, List<String> chosen, boolean personal, String until, String issuer) {
        String customerId = signedIn(p);
        ConsentRequest r = p.request();
        Answer answer = new Answer(r.redirectUri(), r.state(), issuer);
        if (!approve) {
            claim(p);
            authorizations.denied(r.clientId(), customerId, r.scope());
            return new Decision(
                    answer.error(AuthorizationError.ACCESS_DENIED, "the customer declined")
                            .location(),
                    null);
        }
        Set<String> picked = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
        String problem = problemWith(p, picked);
        if (problem != null) return new Decision(null, problem);
        String scope;
        Instant end;
        try {
            scope = granted(r.scope(), personal);
            end = sharingEnd(until, LocalTimeRules.common(usage.localTimes(customerId), picked));
        } catch (IllegalArgumentException e) {
            return new Decision(null, e.getMessage());
        }
        claim(p);
        Authorization a = authorizations.consented(r.clientId(), customerId, scope, picked, end);
        String code = codes.issueCode(a, r.redirectGiven() ? r.redirectUri() : null, r.codeChallenge());
        return new Decision(answer.with("code", code), null);
    }

    /** The local midnight that ends the chosen last day, in the chosen usage points' local time. */
    private Instant sharingEnd(String until, LocalTimeRules zone) {
        try {
            return zone.startOf(SharingEnd.lastDay(until, longest, zone.dayOf(Instant.now()))
                    .plusDays(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consent.problem.until", e);
        }
    }

    /**
     * Takes the request away, once: of two submits of the same page (a double click) the second waits on the first's
     * row lock, then deletes nothing and gets a page instead of a second code.
     */
    private void claim(Pending p) {
        int taken = em.createQuery("DELETE FROM ConsentRequest r WHERE r.handleHash = :handle")
                .setParameter("handle", Tokens.hash(p.handle()))
                .executeUpdate();
        if (taken == 0) throw PageError.INVALID.customer("error.answered.title", "error.answered");
    }

    private String problemWith(Pending p, Set<String> picked) {
        if (picked.isEmpty()) return "consent.problem.none-chosen";
        Set<String> own =
                new LinkedHashSet<>(usagePoints(p).stream().map(UsagePoint::id).toList());
        // Another customer's usage point looks like none at all.
        return own.containsAll(picked) ? null : "consent.problem.not-yours";
    }

    /**
     * The scope the customer grants: as asked, or without the retail-customer blocks when personal information is
     * left out, so that the Authorization, its tokens and its notices carry none (FB_53). Ticking it on a page that
     * never offered it (a scope without FB_53) is a tampered form.
     */
    private static String granted(String asked, boolean personal) {
        EspiScope scope = EspiScope.parse(asked);
        if (personal && !scope.grantsCustomerInformation())
            throw new IllegalArgumentException("consent.problem.personal-not-asked");
        if (personal) return asked;
        return scope.withoutCustomerInformation()
                .map(EspiScope::text)
                .orElseThrow(() -> new IllegalArgumentException("consent.problem.personal-only"));
    }

    private static String signedIn(Pending p) {
        String customerId = p.request().customerId();
        if (customerId == null) throw PageError.INVALID.customer("error.sign-in-first.title", "error.sign-in-first");
        return customerId;
    }

    /** RFC 7636 §4.3 with RFC 9700 §2.1.1: S256 only; public clients must use it. */
    private static String challenge(Map<String, List<String>> query, Client client, Answer answer) {
        String challenge = single(query, "code_challenge");
        String method = single(query, "code_challenge_method");
        if (challenge == null) {
            if (method != null)
                throw answer.error(AuthorizationError.INVALID_REQUEST, "code_challenge_method without code_challenge");
            if (client.isPublic())
                throw answer.error(
                        AuthorizationError.INVALID_REQUEST, "a public client must send a PKCE code_challenge (S256)");
            return null;
        }
        if (!"S256".equals(method))
            throw answer.error(AuthorizationError.INVALID_REQUEST, "code_challenge_method must be S256");
        if (!CHALLENGE.matcher(challenge).matches())
            throw answer.error(
                    AuthorizationError.INVALID_REQUEST,
                    "code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        return challenge;
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null
                        || values.isEmpty()
                        || values.get(0) == null
                        || values.get(0).isEmpty()
                ? null
                : values.get(0);
    }

    private static PageException refused(String messageKey) {
        return PageError.INVALID.customer(REFUSED, messageKey);
    }

    /** The redirect back to the client, with state echoed and the issuer named (RFC 9207). */
    private record Answer(String redirectUri, String state, String issuer) {

        AuthorizationRedirect error(AuthorizationError error, String description) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("error", error.code());
            params.put("error_description", description);
            return new AuthorizationRedirect(error, description, uri(params));
        }

        URI with(String name, String value) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put(name, value);
            return uri(params);
        }

        /** RFC 6749 §4.1.2: parameters added form-encoded, keeping the redirect URI's own query. */
        private URI uri(Map<String, String> params) {
            if (state != null) params.put("state", state);
            params.put("iss", issuer);
            StringBuilder b = new StringBuilder(redirectUri);
            char separator = redirectUri.contains("?") ? '&' : '?';
            for (Map.Entry<String, String> p : params.entrySet()) {
                b.append(separator)
                        .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
            return URI.create(b.toString());
        }
    }
}
