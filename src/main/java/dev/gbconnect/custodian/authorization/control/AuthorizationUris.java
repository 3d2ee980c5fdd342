package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import java.util.Set;

/**
 * The URIs an Authorization is published with (ESPI authorizationURI, resourceURI, customerResourceURI), in token responses,
 * Authorization entries and offline grants. Here rather than in {@link EspiUris}: what an Authorization opens is
 * this component's decision, and the Atom helpers below it know nothing of Authorizations.
 */
public final class AuthorizationUris {

    private AuthorizationUris() {}

    public static String authorization(EspiUris uris, Authorization a) {
        return uris.resource("Authorization/" + a.id());
    }

    /**
     * What an Authorization gives access to: a customer's Subscription as a batch, or for back-office access a
     * resource its token can read (ESPI names one URI per token): the broadest of its classes wins, and an upload
     * token, which reads nothing else, names ReadServiceStatus.
     */
    public static String resourceOf(EspiUris uris, Authorization a) {
        if (a.subscriptionId() != null) return uris.resource("Batch/Subscription/" + a.subscriptionId());
        Set<String> scopes = Scopes.split(a.scope());
        if (Caller.isDataCustodian(scopes)) return uris.resource("ApplicationInformation");
        if (scopes.contains(Scopes.THIRD_PARTY_ADMIN)) return uris.resource("Authorization");
        if (scopes.contains(Scopes.REGISTRATION)) return uris.resource("ApplicationInformation/" + a.clientId());
        return uris.resource("ReadServiceStatus");
    }

    /**
     * ESPI customerResourceURI (espi.xsd AuthorizationType): the customer's personal information as one batch, named
     * when, and only when, the customer granted it (FB_53); null otherwise, and the member is left out. The id in it is
     * the retail customer's opaque id, never a name or an account number.
     */
    public static String customerResourceOf(EspiUris uris, Authorization a) {
        boolean granted = a.customerId() != null
                && a.status() != Authorization.DENIED
                && EspiScope.looksLikeEspi(a.scope())
                && EspiScope.parse(a.scope()).grantsCustomerInformation();
        return granted ? uris.resource("Batch/RetailCustomer/" + a.customerId()) : null;
    }
}
