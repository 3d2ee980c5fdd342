package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * RFC 6749 §4.4, for back offices: the data custodian's admin client gets DataCustodian_Admin_Access (the default)
 * and/or Upload_Admin_Access. No refresh token: the client can always ask again.
 */
@ApplicationScoped
public class ClientCredentialsGrant implements Grant {

    private static final Set<String> ADMIN_SCOPES = Set.of(Scopes.DATA_CUSTODIAN_ADMIN, Scopes.UPLOAD_ADMIN);

    @Inject
    Tokens tokens;

    @Override
    public String type() {
        return "client_credentials";
    }

    @Override
    public Tokens.Issued grant(TokenRequest request) {
        String requested = request.parameter("scope");
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList((requested == null ? Scopes.DATA_CUSTODIAN_ADMIN : requested).trim().split(" +")));
        for (String scope : scopes) {
            if (!ADMIN_SCOPES.contains(scope)) {
                throw ApiException.oauth(Response.Status.BAD_REQUEST, "invalid_scope",
                        "scope " + scope + " is not available to this client; it may ask for " + String.join(" or ", ADMIN_SCOPES.stream().sorted().toList()));
            }
        }
        return tokens.issue(request.clientId(), String.join(" ", scopes));
    }
}
