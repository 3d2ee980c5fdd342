package dev.gbconnect.custodian.console.boundary;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.gbconnect.custodian.console.control.OidcProvider;
import dev.gbconnect.custodian.console.control.OidcRequests;
import dev.gbconnect.custodian.console.control.StaffIdentity;
import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.OidcRequest;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PasswordHash;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Staff sign-in through the utility's OpenID Connect provider: {@code start} sends the browser there with a new
 * request, {@code callback} takes the answer (the redirect URI to register at the provider). The {@code state} is
 * also put in a cookie of this browser and must come back in both, so an answer started elsewhere (login CSRF,
 * RFC 9700 §4.7) is refused; the request's nonce and PKCE verifier wait in the database, so the answer may reach any
 * instance. A signed-in identity gets a new console session, as a local account does, and an identity whose role
 * claim maps to no console role is refused and written to the audit log.
 */
@Path("console/oidc")
@RequestScoped
public class ConsoleOidcResource {

    static final String STATE_COOKIE = "custodian_console_oidc";
    private static final String TITLE = "Sign in";
    private static final String AGAIN =
            "This sign-in was started in another browser, or took too long. Please sign in again.";

    @Inject
    OidcProvider provider;

    @Inject
    OidcRequests requests;

    @Inject
    ConsoleSignIns signIns;

    @Context
    UriInfo uri;

    @GET
    @Path("start")
    public Response start() {
        if (!provider.configured())
            throw PageError.NOT_FOUND.on(TITLE, "Sign-in through an identity provider is not set up here.");
        State state = new State(PasswordHash.newSecret());
        Nonce nonce = new Nonce(PasswordHash.newSecret());
        CodeVerifier verifier = new CodeVerifier();
        URI provided = provider.authorizationRequest(callback(), state, nonce, verifier);
        requests.save(state.getValue(), nonce.getValue(), verifier.getValue());
        return Response.seeOther(provided)
                .cookie(PublicUrl.cookie(uri, STATE_COOKIE, state.getValue(), "console/oidc"))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** OpenID Connect Core 1.0 §3.1.2.5 and §3.1.2.6: a code, or an error, with our state. */
    @GET
    @Path("callback")
    public Response callback(
            @QueryParam("state") String state,
            @QueryParam("code") String code,
            @QueryParam("error") String error,
            @CookieParam(STATE_COOKIE) String browserState) {
        if (!provider.configured())
            throw PageError.NOT_FOUND.on(TITLE, "Sign-in through an identity provider is not set up here.");
        if (!ConsoleForms.same(state, browserState)) throw PageError.INVALID.on(TITLE, AGAIN);
        OidcRequest request = requests.take(state).orElseThrow(() -> PageError.INVALID.on(TITLE, AGAIN));
        if (error != null)
            throw PageError.SIGNED_OUT.on(
                    TITLE,
                    "The identity provider did not sign you in"
                            + (error.matches("[a-z_]{1,64}") ? " (" + error + ")" : "") + ".");
        if (code == null || code.isBlank()) throw PageError.INVALID.on(TITLE, AGAIN);
        StaffIdentity who = provider.identity(
                code, callback(), new Nonce(request.nonce()), new CodeVerifier(request.codeVerifier()));
        if (who.roles().isEmpty()) {
            signIns.refused(who, "no console role in the identity provider's role claim");
            throw PageError.FORBIDDEN.on(
                    TITLE,
                    "Your account at the identity provider has no role in this console (operator, support or"
                            + " auditor). Ask the people who run the identity provider to give you one.");
        }
        StaffSessions.Started started = signIns.start(who);
        return Response.seeOther(ConsoleForms.at(uri, ""))
                .cookie(
                        PublicUrl.cookie(uri, ConsoleForms.SESSION_COOKIE, started.token(), "console"),
                        PublicUrl.cookie(uri, STATE_COOKIE, null, "console/oidc"))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The redirect URI: the same on every instance behind custodian.public-url. */
    private URI callback() {
        return PublicUrl.base(uri).resolve("console/oidc/callback");
    }
}
