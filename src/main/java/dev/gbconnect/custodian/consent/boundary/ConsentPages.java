package dev.gbconnect.custodian.consent.boundary;

import static dev.gbconnect.custodian.platform.Html.escape;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.consent.control.Consents;
import dev.gbconnect.custodian.platform.Html;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** The sign-in and consent pages: plain forms, no script, every input labelled. */
final class ConsentPages {

    /** ESPI ServiceKind, by code. */
    private static final String[] SERVICE = {
        "Electricity", "Gas", "Water", "Time", "Heat", "Refuse", "Sewerage", "Rates", "TV licence", "Internet"
    };

    /** The consent page: what the application asks for, the services and personal information to share, until when. */
    private static final String CONSENT = """
        <h1>Share your energy data with %s?</h1>
        %s
        %s
        <p>It asks for:</p>
        <ul>
        %s</ul>
        <form method="post" action="%s">
        <input type="hidden" name="request" value="%s">
        <fieldset><legend>Which services to share</legend>
        %s</fieldset>
        %s<label for="until">Share until (last day)</label>
        <input type="date" id="until" name="until" value="%s" min="%s" max="%s" required>
        <p class="muted">You can stop sharing at any time from your account.</p>
        <button type="submit" name="decision" value="approve" class="primary">Allow</button>
        <button type="submit" name="decision" value="deny">Deny</button>
        </form>
        """;

    private ConsentPages() {}

    static Response.ResponseBuilder signIn(Consents.Pending p, String action, String problem) {
        Client c = p.client();
        String body = """
                <h1>Sign in to share your energy data</h1>
                <p><strong>%s</strong> asks to see some of your energy data. Sign in to see what it asks for; nothing is shared until you approve.</p>
                %s
                <form method="post" action="%s">
                <input type="hidden" name="request" value="%s">
                %s
                </form>
                """.formatted(
                        escape(c.name()), problem(problem), escape(action), escape(p.handle()), Html.SIGN_IN_FIELDS);
        return Html.page(Response.Status.OK, "Sign in", body);
    }

    static Response.ResponseBuilder consent(
            Consents.Pending p,
            List<UsagePoint> points,
            LocalDate until,
            LocalDate latest,
            String action,
            String problem) {
        Client c = p.client();
        EspiScope scope = EspiScope.parse(p.request().scope());
        String about = c.clientUri() == null
                ? ""
                : "<p class=\"muted\">About this application: " + escape(c.clientUri()) + "</p>";
        String body = CONSENT.formatted(
                escape(c.name()),
                c.description() == null ? "" : "<p>" + escape(c.description()) + "</p>",
                about + problem(problem),
                items(scope.usageInPlainWords()),
                escape(action),
                escape(p.handle()),
                choices(points),
                personal(scope),
                until,
                LocalDate.now().plusDays(1),
                latest);
        return Html.page(
                problem == null ? Response.Status.OK : Response.Status.BAD_REQUEST,
                "Share your energy data",
                body,
                origin(p.request().redirectUri()));
    }

    private static String items(List<String> words) {
        StringBuilder html = new StringBuilder();
        words.forEach(w -> html.append("<li>").append(escape(w)).append("</li>\n"));
        return html.toString();
    }

    private static String choices(List<UsagePoint> points) {
        if (points.isEmpty()) return "<p>You have no services to share yet.</p>\n";
        StringBuilder choices = new StringBuilder();
        for (UsagePoint u : points) {
            String id = "up-" + u.id();
            choices.append("<label for=\"")
                    .append(id)
                    .append("\"><input type=\"checkbox\" id=\"")
                    .append(id)
                    .append("\" name=\"usage_point\" value=\"")
                    .append(escape(u.id()))
                    .append("\"")
                    .append(points.size() == 1 ? " checked" : "")
                    .append("> ")
                    .append(escape(describe(u)))
                    .append("</label>\n");
        }
        return choices.toString();
    }

    /**
     * Personal information (FB_53) as an item of its own, which the customer may leave out and still share usage.
     * Unticked until the customer ticks it: data protection by default (GDPR Art. 25(2)), as most uses of usage data
     * need no name or account number.
     */
    private static String personal(EspiScope scope) {
        if (!scope.grantsCustomerInformation()) return "";
        return """
                <fieldset><legend>Personal information (only if you tick it)</legend>
                <label for="personal"><input type="checkbox" id="personal" name="personal_information" value="share"> \
                %s</label>
                <p class="muted">Leave this unticked to share your usage data only.</p></fieldset>
                """.formatted(escape(EspiScope.PERSONAL_INFORMATION));
    }

    private static String describe(UsagePoint u) {
        String kind = u.serviceKind() != null && u.serviceKind() >= 0 && u.serviceKind() < SERVICE.length
                ? SERVICE[u.serviceKind()]
                : "Service";
        return u.title() == null || u.title().isBlank() ? kind : kind + ": " + u.title();
    }

    private static String problem(String problem) {
        return problem == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(problem) + "</p>";
    }

    /** The answer to the consent form redirects there, which CSP form-action must allow. */
    private static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
