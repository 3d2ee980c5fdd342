package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.platform.OAuthError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The token endpoint's guards, each made once for every grant (RFC 6749 §3.2, §5.2): the request's syntax and its
 * client's authentication ({@link TokenRequest}), a supported grant_type, a grant type the client registered
 * ({@code unauthorized_client}), the parameters the grant declares; then one {@link Grant} per grant type.
 */
@ApplicationScoped
public class GrantDispatcher {

    @Inject
    Clients clients;

    @Inject
    @Any
    Instance<Grant> grantBeans;

    private Map<String, Grant> grants;

    @PostConstruct
    void index() {
        grants = grantBeans.stream().collect(Collectors.toUnmodifiableMap(Grant::type, g -> g));
    }

    /** Runs in the token endpoint's transaction. */
    public Tokens.Issued grant(TokenRequest.Presented presented) {
        TokenRequest request = presented.authenticate(clients);
        String type = request.required("grant_type");
        Grant grant = grants.get(type);
        if (grant == null)
            throw OAuthError.UNSUPPORTED_GRANT_TYPE.because("grant_type " + type + " is not supported here");
        if (!request.client().allows(type))
            throw OAuthError.UNAUTHORIZED_CLIENT.because(
                    "client " + request.clientId() + " is not registered for " + type);
        grant.requiredParameters().forEach(request::required);
        return grant.grant(request);
    }
}
