package dev.gbconnect.custodian.oauth.control;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.authorization.entity.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6749 §4.4, for back offices: the data custodian's admin client gets DataCustodian_Admin_Access (its
 * default) and Upload_Admin_Access; a third party gets ThirdParty_Admin_Access (its default) and the
 * registration scope FB=36_40. No refresh token: the client can always ask again.
 */
@ApplicationScoped
public class ClientCredentialsGrant implements Grant {

    private static final Map<Client.Kind, Set<String>> SCOPES = Map.of(
            Client.Kind.ADMIN, Set.of(Scopes.DATA_CUSTODIAN_ADMIN, Scopes.UPLOAD_ADMIN),
            Client.Kind.THIRD_PARTY, Set.of(Scopes.THIRD_PARTY_ADMIN, Scopes.REGISTRATION));
    private static final Map<Client.Kind, String> DEFAULT_SCOPE =
            Map.of(Client.Kind.ADMIN, Scopes.DATA_CUSTODIAN_ADMIN, Client.Kind.THIRD_PARTY, Scopes.THIRD_PARTY_ADMIN);

    @Inject
    Authorizations authorizations;

    @Inject
    Tokens tokens;

    @Override
    public String type() {
        return "client_credentials";
    }

    @Override
    public List<String> requiredParameters() {
        return List.of();
    }

    @Override
    public Tokens.Issued grant(TokenRequest request) {
        Client client = request.client();
        String requested = request.parameter("scope");
        Set<String> scopes = Scopes.split(requested == null ? DEFAULT_SCOPE.get(client.kind()) : requested);
        Set<String> allowed = SCOPES.get(client.kind());
        for (String scope : scopes) {
            if (!allowed.contains(scope)) {
                throw TokenRequest.invalidScope("scope " + scope + " is not available to this client; it may ask for "
                        + String.join(" or ", allowed.stream().sorted().toList()));
            }
        }
        String scope = String.join(" ", scopes);
        return tokens.access(authorizations.standing(client.id(), scope), scope);
    }
}
