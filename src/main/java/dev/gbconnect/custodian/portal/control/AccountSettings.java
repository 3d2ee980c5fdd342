package dev.gbconnect.custodian.portal.control;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.control.SignIns;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The customer's account settings (issue 20 item 5): a new password, and what follows from one: whoever knew the old
 * password loses what it opened, the customer's other portal sessions and the tokens of their personal API access.
 */
@ApplicationScoped
public class AccountSettings {

    /** How many sign-ins the account page lists. */
    static final int RECENT = 20;

    /** Why a new password was not set. */
    public enum Problem {
        DIFFERENT,
        WRONG_CURRENT,
        WEAK
    }

    @Inject
    Customers customers;

    @Inject
    SignIns signIns;

    @Inject
    PortalSessions sessions;

    @Inject
    ConnectedApps apps;

    /** Empty when the password changed; {@code session} is the portal session that stays signed in. */
    @Transactional
    public Optional<Problem> changePassword(
            String customerId, String session, String current, String next, String confirm, SignIns.Attempt where) {
        if (next == null || !next.equals(confirm)) return Optional.of(Problem.DIFFERENT);
        try {
            if (!customers.changePassword(customerId, current, next, where)) return Optional.of(Problem.WRONG_CURRENT);
        } catch (ApiException weak) {
            return Optional.of(Problem.WEAK);
        }
        endOldAccess(customerId, session);
        return Optional.empty();
    }

    /** After a new password: every portal session but {@code keep} (null: every one) and every personal token end. */
    @Transactional
    public void endOldAccess(String customerId, String keep) {
        sessions.endOthers(customerId, keep);
        apps.endPersonalTokens(customerId);
    }

    public List<SignInRecord> recentSignIns(String customerId) {
        return signIns.recent(customerId, RECENT);
    }

    public long historyDays() {
        return signIns.history().toDays();
    }
}
