package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.platform.Html.escape;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.Html;
import jakarta.ws.rs.core.Response;

/** The portal's pages still built as strings (the usage page is portal/usage.jte): no script, labels on every input. */
final class PortalPages {

    private PortalPages() {}

    static Response.ResponseBuilder signIn(Response.Status status, String action, String csrf, String problem) {
        String body = """
                <h1>Sign in to your energy data</h1>
                %s
                <form method="post" action="%s">
                <input type="hidden" name="csrf" value="%s">
                %s
                </form>
                """.formatted(
                        problem == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(problem) + "</p>",
                        escape(action),
                        escape(csrf),
                        Html.SIGN_IN_FIELDS);
        return Html.page(status, "Sign in", body);
    }

    /** The one page that shows a new secret, with a request to copy that uses it. */
    static Response.ResponseBuilder newApiAccess(Client client, String secret, String username, String base) {
        String body = """
                <h1>Your new API access</h1>
                <p class="error" role="alert">Copy the secret now: it is shown only once. We keep only a hash of it.</p>
                <p>Client id: <code id="client-id">%s</code></p>
                <p>Client secret: <code id="client-secret">%s</code></p>
                <p>Get a token (your password is asked for, and sent only to us):</p>
                <pre id="example">curl -s -u '%s:%s' -d grant_type=password -d username='%s' --data-urlencode password="$(read -rsp 'Password: ' p; echo "$p")" %soauth/token</pre>
                <p>The answer's <code>resourceURI</code> is your data as Green Button XML; read it with the access token. A ready script is in the
                large-customer guide (<code>docs/large-customer-guide.md</code>).</p>
                <p><a href="%sportal">Back to your energy use</a></p>
                """.formatted(
                        escape(client.id()),
                        escape(secret),
                        escape(client.id()),
                        escape(secret),
                        escape(username),
                        escape(base),
                        escape(base));
        return Html.page(Response.Status.OK, "Your new API access", body);
    }
}
