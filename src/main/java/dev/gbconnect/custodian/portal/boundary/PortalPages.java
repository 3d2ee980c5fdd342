package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.platform.Html.escape;

import dev.gbconnect.custodian.platform.Html;
import jakarta.ws.rs.core.Response;

/** The portal's pages still built as strings (the usage page is portal/usage.jte): no script, labels on every input. */
final class PortalPages {

    private PortalPages() {}

    static Response.ResponseBuilder signIn(Response.Status status, String action, String csrf, String problem) {
        return signIn(status, action, csrf, problem, false);
    }

    /** {@code reset}: the customer just set a new password with a one-time link, and is told to sign in with it. */
    static Response.ResponseBuilder signIn(
            Response.Status status, String action, String csrf, String problem, boolean reset) {
        String body = """
                <h1>Sign in to your energy data</h1>
                %s%s
                <form method="post" action="%s">
                <input type="hidden" name="csrf" value="%s">
                %s
                </form>
                """.formatted(
                        reset
                                ? "<p class=\"notice\" role=\"status\">Your password is changed. Sign in with your new"
                                        + " password.</p>\n"
                                : "",
                        problem == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(problem) + "</p>",
                        escape(action),
                        escape(csrf),
                        Html.SIGN_IN_FIELDS);
        return Html.page(status, "Sign in", body);
    }
}
