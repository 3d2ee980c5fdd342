package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.platform.Html.escape;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.Html;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import dev.gbconnect.custodian.usage.control.UsageTotals.Series;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/** The portal's pages: server-rendered HTML and SVG, no script, labels on every input. */
final class PortalPages {

    private static final String[] SERVICE = {
        "Electricity", "Gas", "Water", "Time", "Heat", "Refuse", "Sewerage", "Rates", "TV licence", "Internet"
    };
    private static final int DAYS = 31, MONTHS = 12;

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

    /** {@code root} is the server's own path, ending with a slash. */
    static Response.ResponseBuilder usage(
            String name,
            List<Series> points,
            List<ConnectedApps.App> apps,
            List<Client> connectable,
            List<Client> personal,
            String root,
            String csrf) {
        String portal = root + "portal/";
        StringBuilder body = new StringBuilder(
                "<h1>Your energy use</h1>\n<p>Signed in as <strong>" + escape(name) + "</strong>.</p>\n");
        if (points.isEmpty()) body.append("<p>No usage data yet.</p>\n");
        for (Series s : points) {
            body.append("<section class=\"usage-point\">\n<h2>")
                    .append(escape(s.title() == null || s.title().isBlank() ? "Usage point" : s.title()))
                    .append("</h2>\n<p class=\"muted\">")
                    .append(service(s.serviceKind()))
                    .append(interval(s.intervalLength()));
            if (s.first() != null)
                body.append(" · data from ")
                        .append(s.first().toString(), 0, 10)
                        .append(" to ")
                        .append(s.last().toString(), 0, 10);
            body.append("</p>\n");
            if (s.days().isEmpty()) {
                body.append("<p>No readings yet.</p>\n");
            } else {
                String unit = unit(s.uom());
                double scale = Math.pow(10, s.powerOfTen()) / (s.uom() != null && s.uom() == 72 ? 1000.0 : 1.0);
                body.append(chart(
                        "Daily use, last " + DAYS + " days with data (" + unit + ")",
                        last(s.days(), DAYS),
                        scale,
                        d -> d.format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH))));
                body.append(chart(
                        "Monthly use (" + unit + ")",
                        last(s.months(), MONTHS),
                        scale,
                        m -> m.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH))));
            }
            body.append("</section>\n");
        }
        if (!points.isEmpty()) body.append(download(points, portal + "download"));
        body.append(connected(apps, portal + "revoke", csrf));
        body.append(connect(connectable, root));
        body.append(apiAccess(personal, portal + "api-access", csrf));
        body.append("""
                <form method="post" action="%s">
                <input type="hidden" name="csrf" value="%s">
                <button type="submit">Sign out</button>
                </form>
                """.formatted(escape(portal + "sign-out"), escape(csrf)));
        return Html.page(Response.Status.OK, "Your energy use", body.toString());
    }

    /** Every application the customer shared data with: what, which usage points, since and until, and Revoke. */
    private static String connected(List<ConnectedApps.App> apps, String revoke, String csrf) {
        StringBuilder html = new StringBuilder("<h2>Connected apps</h2>\n");
        List<ConnectedApps.App> active =
                apps.stream().filter(ConnectedApps.App::active).toList();
        if (active.isEmpty()) html.append("<p>No application can see your data.</p>\n");
        for (ConnectedApps.App a : active) {
            html.append("<section class=\"app\"><h3>")
                    .append(escape(a.application()))
                    .append("</h3>\n<ul>");
            for (String w : a.sharing()) html.append("<li>").append(escape(w)).append("</li>");
            html.append("</ul>\n<p class=\"muted\">")
                    .append(
                            a.usagePoints().isEmpty()
                                    ? ""
                                    : "Sharing " + escape(String.join(", ", a.usagePoints())) + " · ")
                    .append("since ")
                    .append(day(a.since()))
                    .append(a.until() == null ? ", until you revoke it" : ", until " + day(a.until()))
                    .append("</p>\n")
                    .append(
                            a.portal() == null
                                    ? ""
                                    : "<p><a href=\"" + escape(a.portal()) + "\">Your account with "
                                            + escape(a.application()) + "</a></p>\n")
                    .append("<form method=\"post\" action=\"")
                    .append(escape(revoke))
                    .append("\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(escape(csrf))
                    .append("\"><input type=\"hidden\" name=\"authorization\" value=\"")
                    .append(escape(a.authorizationId()))
                    .append("\"><button type=\"submit\">Revoke</button></form></section>\n");
        }
        List<ConnectedApps.App> ended = apps.stream().filter(a -> !a.active()).toList();
        if (!ended.isEmpty()) {
            html.append("<h3>History</h3>\n<ul class=\"history\">\n");
            for (ConnectedApps.App a : ended) {
                html.append("<li>")
                        .append(escape(a.application()))
                        .append(": ")
                        .append(day(a.since()))
                        .append(", ")
                        .append(escape(a.ended()))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }
        return html.toString();
    }

    /** Registered applications the customer can start sharing with (ESPI's flow that starts at the data custodian). */
    private static String connect(List<Client> clients, String root) {
        if (clients.isEmpty()) return "";
        StringBuilder html = new StringBuilder("<h2>Connect an application</h2>\n<ul class=\"connect\">\n");
        for (Client c : clients) {
            html.append("<li>")
                    .append(escape(c.name()))
                    .append(
                            c.description() == null
                                    ? ""
                                    : " <span class=\"muted\">" + escape(c.description()) + "</span>")
                    .append(" <a href=\"")
                    .append(escape(root + "oauth/scope-selection?client_id="
                            + URLEncoder.encode(c.id(), StandardCharsets.UTF_8)))
                    .append("\">Connect</a></li>\n");
        }
        return html.append("</ul>\n").toString();
    }

    /** Personal API access: the customer's own clients for scripts, and a form for a new one. */
    private static String apiAccess(List<Client> personal, String action, String csrf) {
        StringBuilder html = new StringBuilder(
                "<h2>Personal API access</h2>\n<p>For your own scripts: a client id and secret that sign in as you"
                        + " (the password grant) and read only your data.</p>\n<ul class=\"api-access\">\n");
        for (Client c : personal) {
            html.append("<li>")
                    .append(escape(c.name()))
                    .append(" <span class=\"muted\">")
                    .append(escape(c.id()))
                    .append(", since ")
                    .append(day(c.issuedAt()))
                    .append("</span><form method=\"post\" action=\"")
                    .append(escape(action + "/delete"))
                    .append("\">")
                    .append(hidden("csrf", csrf))
                    .append(hidden("client", c.id()))
                    .append("<button type=\"submit\">Delete</button></form></li>\n");
        }
        return html.append("</ul>\n<form method=\"post\" action=\"")
                .append(escape(action))
                .append("\">")
                .append(hidden("csrf", csrf))
                .append(
                        "<label for=\"api-name\">Name of the new access</label><input type=\"text\" id=\"api-name\" name=\"name\" maxlength=\"256\" value=\"My script\">")
                .append("<button type=\"submit\">Create API access</button></form>\n")
                .toString();
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

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static String day(Instant t) {
        return t == null ? "" : t.toString().substring(0, 10);
    }

    /** Download My Data: which usage points, which days, which format; a plain GET form, the download is a file. */
    private static String download(List<Series> points, String action) {
        StringBuilder form = new StringBuilder("<h2>Download My Data</h2>\n<form method=\"get\" action=\""
                + escape(action) + "\">\n" + "<fieldset><legend>Usage points</legend>\n");
        LocalDate first = null, last = null;
        for (int i = 0; i < points.size(); i++) {
            Series s = points.get(i);
            form.append("<label for=\"up-")
                    .append(i)
                    .append("\"><input type=\"checkbox\" id=\"up-")
                    .append(i)
                    .append("\" name=\"usage_point\" value=\"")
                    .append(escape(s.usagePointId()))
                    .append("\" checked> ")
                    .append(escape(s.title() == null ? s.usagePointId() : s.title()))
                    .append("</label>\n");
            if (s.first() != null) {
                LocalDate f = s.first().atOffset(ZoneOffset.UTC).toLocalDate(),
                        l = s.last().minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDate();
                first = first == null || f.isBefore(first) ? f : first;
                last = last == null || l.isAfter(last) ? l : last;
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        form.append(
                        "</fieldset>\n<label for=\"from\">First day (UTC)</label>\n<input type=\"date\" id=\"from\" name=\"from\" required value=\"")
                .append(first == null ? today : first)
                .append(
                        "\">\n<label for=\"to\">Last day (UTC)</label>\n<input type=\"date\" id=\"to\" name=\"to\" required value=\"")
                .append(last == null ? today : last)
                .append("\">\n<fieldset><legend>Format</legend>\n")
                .append(
                        "<label for=\"format-xml\"><input type=\"radio\" id=\"format-xml\" name=\"format\" value=\"xml\" checked> Green Button XML</label>\n")
                .append(
                        "<label for=\"format-csv\"><input type=\"radio\" id=\"format-csv\" name=\"format\" value=\"csv\"> CSV (spreadsheet)</label>\n")
                .append("</fieldset>\n<button type=\"submit\" class=\"primary\">Download</button>\n</form>\n");
        return form.toString();
    }

    /** A bar chart as inline SVG: presentation attributes only, which the page's style policy allows. */
    private static <K> String chart(
            String title, List<Map.Entry<K, Long>> values, double scale, Function<K, String> label) {
        double max =
                values.stream().mapToDouble(e -> e.getValue() * scale).max().orElse(1);
        if (max <= 0) max = 1;
        int width = 600, height = 160, bar = width / Math.max(values.size(), 1);
        StringBuilder svg = new StringBuilder("<figure><figcaption>" + escape(title)
                + "</figcaption>\n<svg class=\"chart\" viewBox=\"0 0 " + width + " " + (height + 20)
                + "\" width=\"100%\" role=\"img\" aria-label=\"" + escape(title) + "\">\n");
        for (int i = 0; i < values.size(); i++) {
            Map.Entry<K, Long> e = values.get(i);
            double v = e.getValue() * scale;
            int h = (int) Math.round(Math.max(0, v) / max * height);
            svg.append("<rect x=\"")
                    .append(i * bar + 1)
                    .append("\" y=\"")
                    .append(height - h)
                    .append("\" width=\"")
                    .append(Math.max(bar - 2, 1))
                    .append("\" height=\"")
                    .append(h)
                    .append("\" fill=\"#2d6a2d\"><title>")
                    .append(escape(label.apply(e.getKey())))
                    .append(": ")
                    .append(String.format(Locale.ENGLISH, "%,.1f", v))
                    .append("</title></rect>\n");
        }
        svg.append("<text x=\"0\" y=\"")
                .append(height + 16)
                .append("\" font-size=\"12\">")
                .append(escape(label.apply(values.get(0).getKey())))
                .append("</text><text x=\"")
                .append(width)
                .append("\" y=\"")
                .append(height + 16)
                .append("\" font-size=\"12\" text-anchor=\"end\">")
                .append(escape(label.apply(values.get(values.size() - 1).getKey())))
                .append("</text>\n</svg></figure>\n");
        return svg.toString();
    }

    private static <K> List<Map.Entry<K, Long>> last(SortedMap<K, Long> values, int n) {
        List<Map.Entry<K, Long>> all = new ArrayList<>(values.entrySet());
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    private static String service(Integer kind) {
        return kind != null && kind >= 0 && kind < SERVICE.length ? SERVICE[kind] : "Service";
    }

    private static String interval(Long seconds) {
        if (seconds == null) return "";
        return seconds % 3600 == 0
                ? " · readings every " + (seconds == 3600 ? "hour" : seconds / 3600 + " hours")
                : seconds % 60 == 0
                        ? " · readings every " + seconds / 60 + " minutes"
                        : " · readings every " + seconds + " seconds";
    }

    private static String unit(Integer uom) {
        if (uom == null) return "units";
        return switch (uom) {
            case 72 -> "kWh";
            case 169 -> "therms";
            case 42 -> "m³";
            default -> "units";
        };
    }
}
