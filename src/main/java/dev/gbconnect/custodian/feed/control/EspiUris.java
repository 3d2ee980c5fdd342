package dev.gbconnect.custodian.feed.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.oauth.control.Scopes;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.ws.rs.core.UriInfo;

/** The absolute URIs of ESPI resources that token responses, Authorizations and notices point at. */
public record EspiUris(String base) {

    public static final String RESOURCE = "espi/1_1/resource/";

    /** From the public URL, or the request's own base URI, so the answer names the host and scheme the caller used. */
    public static EspiUris of(UriInfo uri) {
        return new EspiUris(PublicUrl.base(uri).toString());
    }

    public String resource(String path) {
        return base + RESOURCE + path;
    }

    public String authorization(Authorization a) {
        return resource("Authorization/" + a.id());
    }

    /**
     * What an Authorization gives access to: a customer's Subscription as a batch, or for back-office access the
     * collection its scope opens (ESPI names one URI per token).
     */
    public String resourceOf(Authorization a) {
        if (a.subscriptionId() != null) return resource("Batch/Subscription/" + a.subscriptionId());
        String scope = Scopes.split(a.scope()).iterator().next();
        return switch (scope) {
            case Scopes.REGISTRATION -> resource("ApplicationInformation/" + a.clientId());
            case Scopes.THIRD_PARTY_ADMIN -> resource("Authorization");
            case Scopes.UPLOAD_ADMIN -> resource("Batch/RetailCustomer");
            default -> resource("ApplicationInformation");
        };
    }
}
