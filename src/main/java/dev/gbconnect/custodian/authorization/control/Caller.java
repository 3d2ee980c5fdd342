package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import java.time.Instant;
import java.util.Set;

/**
 * Who a valid access token speaks for: the client, the scope, and its Authorization (as read with the token),
 * whose data (a customer's Subscription) or which back-office access it carries.
 */
public record Caller(
        String clientId,
        Client.Kind clientKind,
        String scope,
        Authorization authorization,
        Instant issuedAt,
        Instant expiresAt) {

    public Set<String> scopes() {
        return Scopes.split(scope);
    }

    /** Who may do what, decided here only: is this the data custodian's back office (DataCustodian_Admin_Access)? */
    public boolean isDataCustodian() {
        return isDataCustodian(scopes());
    }

    /** The same question of a scope held elsewhere, e.g. an Authorization's. */
    public static boolean isDataCustodian(Set<String> scopes) {
        return scopes.contains(Scopes.DATA_CUSTODIAN_ADMIN);
    }

    /** May this caller manage the third party {@code id} (its registration, its ApplicationInformation)? */
    public boolean mayManage(String id) {
        return isDataCustodian() || clientId.equals(id);
    }

    /**
     * The same question where a client authenticates itself instead of showing a token (the introspection
     * endpoint): the data custodian's admin client manages every client, any other client only itself.
     */
    public static boolean mayManage(Client requester, String id) {
        return requester.kind() == Client.Kind.ADMIN || requester.id().equals(id);
    }

    /**
     * Row visibility of what belongs to a third party (its registration, its Authorizations, its Bulk): the one
     * client whose rows this caller sees, or null when it sees every client's (the data custodian). Usage data is
     * reached through the caller's Authorization instead, in the SQL that reads it.
     */
    public String visibleClient() {
        return isDataCustodian() ? null : clientId;
    }

    public String authorizationId() {
        return authorization.id();
    }

    public String customerId() {
        return authorization.customerId();
    }

    public String subscriptionId() {
        return authorization.subscriptionId();
    }
}
