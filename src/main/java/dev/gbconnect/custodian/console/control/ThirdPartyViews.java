package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.notification.control.Deliveries;
import dev.gbconnect.custodian.notification.entity.Notification;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PageError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Third parties as staff handle them: their registrations with ESPI's dataCustodianApplicationStatus, one of them with
 * its secrets, Authorizations and notices, and the moves between statuses. Refusals of the client register become
 * pages.
 */
@ApplicationScoped
public class ThirdPartyViews {

    static final int NOTICES = 50;

    /** One third party's page: its registration, how many secrets it holds, its Authorizations and latest notices. */
    public record Detail(
            Client client, int activeSecrets, AuthorizationViews.Found authorizations, List<Notification> notices) {}

    /** A scope a third party offers, as a choice of the offline-authorization form: {@code value} is "id scope". */
    public record Offer(String value, String label) {}

    @Inject
    Clients clients;

    @Inject
    Deliveries deliveries;

    @Inject
    AuthorizationViews authorizations;

    /** espi.xsd dataCustodianApplicationStatus in words: 1 Review, 2 Production, 3 On Hold, 4 Revoked. */
    public static String label(Client.Status status) {
        return switch (status) {
            case REVIEW -> "Review";
            case ACTIVE -> "Production";
            case SUSPENDED -> "On Hold";
            case REVOKED -> "Revoked";
        };
    }

    /** Every registration, or those with the status whose {@link Client.Status#name} is given. */
    public List<Client> list(Optional<Client.Status> status) {
        return clients.thirdParties().stream()
                .filter(c -> status.map(s -> c.status() == s).orElse(true))
                .toList();
    }

    /** A status by its name, as the forms and the filter send it; empty for none. */
    public static Optional<Client.Status> status(String name, String title) {
        if (name == null || name.isBlank()) return Optional.empty();
        return Optional.of(Arrays.stream(Client.Status.values())
                .filter(s -> s.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> PageError.INVALID.on(title, "Choose Review, Production, On Hold or Revoked.")));
    }

    public Detail detail(String id) {
        Client c = client(id);
        return new Detail(
                c,
                clients.activeSecrets(c.id()).size(),
                authorizations.search(new AuthorizationViews.Filter(null, c.id(), null)),
                deliveries.list(null, c.id(), NOTICES));
    }

    public Client client(String id) {
        try {
            return clients.thirdParty(id);
        } catch (ApiException e) {
            throw PageError.NOT_FOUND.on("Third party", "There is no third party " + id + ".");
        }
    }

    /** Moves a registration; false when it already had that status (a form sent twice), so nothing is recorded. */
    public boolean move(Client c, Client.Status to) {
        if (c.status() == to) return false;
        try {
            clients.status(c.id(), to);
            return true;
        } catch (ApiException e) {
            throw PageError.CONFLICT.on("Third party", "The status did not change: " + e.getMessage() + ".");
        }
    }

    public Clients.NewSecret rotate(Client c) {
        try {
            return clients.rotate(c.id());
        } catch (ApiException e) {
            throw PageError.INVALID.on("Third party", "No new secret: " + e.getMessage() + ".");
        }
    }

    /** A dead notice of this third party sent again. */
    public Notification retry(Client c, String sequence) {
        Notification n;
        try {
            n = sequence != null && sequence.matches("[0-9]{1,18}") ? deliveries.find(Long.parseLong(sequence)) : null;
        } catch (ApiException e) {
            n = null;
        }
        if (n == null || !n.clientId().equals(c.id()))
            throw PageError.NOT_FOUND.on("Third party", "This third party has no notice " + sequence + ".");
        if (n.state() != Notification.State.DEAD)
            throw PageError.CONFLICT.on("Third party", "Notice " + sequence + " is not dead: it is " + state(n) + ".");
        return deliveries.retry(n.sequence());
    }

    /** What the offline-authorization form offers: each scope of each third party in Production that takes refresh tokens. */
    public List<Offer> offers() {
        return clients.thirdParties().stream()
                .filter(c -> c.status() == Client.Status.ACTIVE && c.allows("refresh_token"))
                .flatMap(c -> c.scopes().stream().map(s -> new Offer(c.id() + " " + s, c.name() + ": " + s)))
                .toList();
    }

    public static String state(Notification n) {
        return n.state().name().toLowerCase(Locale.ROOT);
    }
}
