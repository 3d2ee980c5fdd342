package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.entity.Authorization;

/**
 * The URIs an Authorization is published with (ESPI authorizationURI and resourceURI), in token responses,
 * Authorization entries and offline grants. Here rather than in {@link EspiUris}: what an Authorization opens is
 * this component's decision, and the Atom helpers below it know nothing of Authorizations.
 */
public final class AuthorizationUris {

    private AuthorizationUris() {}

    public static String authorization(EspiUris uris, Authorization a) {
        return uris.resource("Authorization/" + a.id());
    }

    /**
     * What an Authorization gives access to: a customer's Subscription as a batch, or for back-office access the
     * collection its scope opens (ESPI names one URI per token).
     */
    public static String resourceOf(EspiUris uris, Authorization a) {
        if (a.subscriptionId() != null) return uris.resource("Batch/Subscription/" + a.subscriptionId());
        String scope = Scopes.split(a.scope()).iterator().next();
        return switch (scope) {
            case Scopes.REGISTRATION -> uris.resource("ApplicationInformation/" + a.clientId());
            case Scopes.THIRD_PARTY_ADMIN -> uris.resource("Authorization");
            case Scopes.UPLOAD_ADMIN -> uris.resource("Batch/RetailCustomer");
            default -> uris.resource("ApplicationInformation");
        };
    }
}
