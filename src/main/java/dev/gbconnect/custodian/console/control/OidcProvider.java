package dev.gbconnect.custodian.console.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.platform.PageError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The utility's OpenID Connect provider, as the console's client: the authorization code flow with PKCE (RFC 7636,
 * S256), {@code state} and {@code nonce} (OpenID Connect Core 1.0 §3.1). Its endpoints and keys come from discovery
 * (OpenID Connect Discovery 1.0 §4, {@code <issuer>/.well-known/openid-configuration}), fetched at the first sign-in
 * and kept: the provider may start after us, and one that is down refuses sign-in with a page, not the start. Joins
 * no transaction: it only talks to the provider.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
    private static final String TITLE = "Sign in";
    private static final int CONNECT_MS = 5_000, READ_MS = 10_000;

    /** What discovery told us, and the validator built from it (it keeps the provider's keys, RFC 7517). */
    private record Discovered(OIDCProviderMetadata metadata, IdTokenCheck check) {}

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.scope", defaultValue = "openid profile")
    String scope;

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.roles-claim", defaultValue = "roles")
    String rolesClaim;

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.operator-values", defaultValue = "operator")
    List<String> operatorValues;

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.support-values", defaultValue = "support")
    List<String> supportValues;

    @Inject
    @ConfigProperty(name = "custodian.console.oidc.auditor-values", defaultValue = "auditor")
    List<String> auditorValues;

    private volatile Discovered discovered;

    public boolean configured() {
        return issuer.isPresent();
    }

    /** Where to send the browser: the provider's authorization endpoint with our request (Core §3.1.2.1). */
    public URI authorizationRequest(URI callback, State state, Nonce nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse(scope), new ClientID(clientId.orElseThrow()), callback)
                .endpointURI(discovered().metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * Redeems the code at the token endpoint (Core §3.1.3.1, with the PKCE verifier) and checks the ID token of the
     * answer. A refused code or token is a 401 page (the details go to the log, not the page); a provider that does
     * not answer, a 502 page.
     */
    public StaffIdentity identity(String code, URI callback, Nonce nonce, CodeVerifier verifier) {
        Discovered d = discovered();
        try {
            TokenResponse answer = redeem(d.metadata(), code, callback, verifier);
            if (!answer.indicatesSuccess()) {
                TokenErrorResponse refused = answer.toErrorResponse();
                LOG.warning("the identity provider refused the code: "
                        + refused.getErrorObject().getCode() + " "
                        + refused.getErrorObject().getDescription());
                throw PageError.SIGNED_OUT.on(
                        TITLE, "The identity provider did not confirm the sign-in. Please try again.");
            }
            if (!(answer.toSuccessResponse() instanceof OIDCTokenResponse signedIn))
                throw new IdTokenCheck.Refused("the token answer carries no ID token", null);
            return d.check().identity(signedIn.getOIDCTokens().getIDToken(), nonce);
        } catch (IdTokenCheck.Refused refused) {
            LOG.warning(refused.getMessage());
            throw PageError.SIGNED_OUT.on(
                    TITLE, "The identity provider's answer could not be verified. Please try again.");
        } catch (IOException | ParseException unreadable) {
            LOG.log(Level.WARNING, "the identity provider's token endpoint did not answer as it should", unreadable);
            throw down();
        }
    }

    private TokenResponse redeem(OIDCProviderMetadata metadata, String code, URI callback, CodeVerifier verifier)
            throws IOException, ParseException {
        HTTPRequest http = new TokenRequest(
                        metadata.getTokenEndpointURI(),
                        authentication(metadata),
                        new AuthorizationCodeGrant(new AuthorizationCode(code), callback, verifier))
                .toHTTPRequest();
        http.setConnectTimeout(CONNECT_MS);
        http.setReadTimeout(READ_MS);
        return OIDCTokenResponseParser.parse(http.send());
    }

    /** client_secret_basic unless the provider lists only client_secret_post (Discovery §3: basic is the default). */
    private ClientAuthentication authentication(OIDCProviderMetadata metadata) {
        ClientID id = new ClientID(clientId.orElseThrow());
        Secret secret = new Secret(clientSecret.orElseThrow());
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        return methods != null
                        && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                ? new ClientSecretPost(id, secret)
                : new ClientSecretBasic(id, secret);
    }

    private Discovered discovered() {
        Discovered d = discovered;
        if (d != null) return d;
        try {
            Issuer expected = new Issuer(issuer.orElseThrow());
            // resolve() also checks that the document names this issuer (Discovery §4.3)
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(expected, CONNECT_MS, READ_MS);
            IDTokenValidator validator = new IDTokenValidator(
                    expected,
                    new ClientID(clientId.orElseThrow()),
                    JWSAlgorithm.RS256,
                    metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(CONNECT_MS, READ_MS));
            d = new Discovered(metadata, new IdTokenCheck(validator, roleClaim()));
        } catch (IOException | GeneralException | RuntimeException unreachable) {
            LOG.log(Level.WARNING, "OpenID Connect discovery at " + issuer.orElseThrow() + " failed", unreachable);
            throw down();
        }
        discovered = d;
        return d;
    }

    private IdTokenCheck.RoleClaim roleClaim() {
        return new IdTokenCheck.RoleClaim(
                rolesClaim,
                Map.of(Role.OPERATOR, operatorValues, Role.SUPPORT, supportValues, Role.AUDITOR, auditorValues));
    }

    private static RuntimeException down() {
        return PageError.PROVIDER_FAILED.on(
                TITLE, "The identity provider does not answer right now. Please try again in a few minutes.");
    }
}
