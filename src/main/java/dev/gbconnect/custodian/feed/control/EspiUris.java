package dev.gbconnect.custodian.feed.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.oauth.control.Scopes;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

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
     * What an Authorization gives access to: a customer's Subscription as a batch, or for back-office access a
     * resource its token can read (ESPI names one URI per token): the broadest of its classes wins, and an upload
     * token, which reads nothing else, names ReadServiceStatus.
     */
    public String resourceOf(Authorization a) {
        if (a.subscriptionId() != null) return resource("Batch/Subscription/" + a.subscriptionId());
        Set<String> scopes = Scopes.split(a.scope());
        if (scopes.contains(Scopes.DATA_CUSTODIAN_ADMIN)) return resource("ApplicationInformation");
        if (scopes.contains(Scopes.THIRD_PARTY_ADMIN)) return resource("Authorization");
        if (scopes.contains(Scopes.REGISTRATION)) return resource("ApplicationInformation/" + a.clientId());
        return resource("ReadServiceStatus");
    }
}
