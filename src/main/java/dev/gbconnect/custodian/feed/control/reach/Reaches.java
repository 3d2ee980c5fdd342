package dev.gbconnect.custodian.feed.control.reach;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.OutsideRights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Which tree of usage data a caller reads on each kind of path. The data custodian reads everything; a customer's
 * token (authorization_code, refresh, password, offline) its own Subscription; a third party's back office its
 * bulk requests. Which token classes reach which path is decided before this ({@code AcceptsTokens}); anything of
 * someone else's is refused as {@link OutsideRights} says.
 */
@ApplicationScoped
public class Reaches {

    @Inject
    Authorizations authorizations;

    @Inject
    OutsideRights outsideRights;

    /** The root form ({@code …/UsagePoint}, {@code …/ReadingType}, …), for the data custodian or a customer's token. */
    public Tree root(Caller caller, EspiUris uris) {
        return Tree.root(uris, caller.isDataCustodian() ? Reach.EVERYTHING : Reach.of(caller.authorization()));
    }

    /** {@code …/Subscription/{id}/…}: the Subscription's own token, or the data custodian seeing what its third party sees. */
    public Tree subscription(Caller caller, String subscriptionId, EspiUris uris) {
        Authorization a = subscriptionId.equals(caller.subscriptionId())
                ? caller.authorization()
                : caller.isDataCustodian()
                        ? authorizations.ofSubscription(subscriptionId).orElse(null)
                        : null;
        if (a == null) {
            throw caller.isDataCustodian()
                    ? ApiException.notFound("Subscription " + subscriptionId)
                    : outsideRights.refusal(
                            "Subscription " + subscriptionId,
                            () -> authorizations.ofSubscription(subscriptionId).isPresent());
        }
        return Tree.subscription(uris, subscriptionId, Reach.of(a));
    }

    /** Download My Data ({@code Batch/RetailCustomer/{id}}): the data custodian, or a token of that customer. */
    public Tree retailCustomer(Caller caller, String customerId, EspiUris uris) {
        if (caller.isDataCustodian()) return Tree.root(uris, Reach.customer(customerId));
        if (customerId.equals(caller.customerId()) && caller.subscriptionId() != null) {
            return Tree.subscription(uris, caller.subscriptionId(), Reach.of(caller.authorization()));
        }
        throw ApiException.notFound("RetailCustomer " + customerId);
    }

    /** {@code Batch/Bulk/{id}}: every active Subscription of the calling third party whose scope carries {@code BR={id}}. */
    public Bulk bulk(Caller caller, String bulkId, EspiUris uris) {
        List<Tree> trees = authorizations.bulk(caller.visibleClient(), bulkId).stream()
                .map(a -> Tree.subscription(uris, a.subscriptionId(), Reach.of(a)))
                .toList();
        if (trees.isEmpty()) throw ApiException.notFound("Bulk " + bulkId);
        return new Bulk(caller.visibleClient(), bulkId, trees);
    }
}
