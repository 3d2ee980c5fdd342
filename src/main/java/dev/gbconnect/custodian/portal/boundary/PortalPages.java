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
import java.util.Comparator;
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
    /** The chart's drawing area in SVG user units; the labels take 20 more below it. */
    private static final int CHART_WIDTH = 600, CHART_HEIGHT = 160;

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
        for (Series s : points) body.append(usagePoint(s));
        if (!points.isEmpty()) body.append(download(points, portal + "download"));
        body.append(connected(apps, portal + "revoke", csrf));
        body.append(connect(connectable, root));
        body.append(apiAccess(personal, portal + "api-access", csrf));
        body.append(signOut(portal + "sign-out", csrf));
        return Html.page(Response.Status.OK, "Your energy use", body.toString());
    }

    /** One usage point: what it measures, the span of its data, and its daily and monthly charts. */
    private static String usagePoint(Series s) {
        StringBuilder html = new StringBuilder("<section class=\"usage-point\">\n<h2>")
                .append(escape(s.title() == null || s.title().isBlank() ? "Usage point" : s.title()))
                .append("</h2>\n<p class=\"muted\">")
                .append(service(s.serviceKind()))
                .append(interval(s.intervalLength()));
        if (s.first() != null)
            html.append(" · data from ")
                    .append(s.first().toString(), 0, 10)
                    .append(" to ")
                    .append(s.last().toString(), 0, 10);
        html.append("</p>\n");
        html.append(s.days().isEmpty() ? "<p>No readings yet.</p>\n" : charts(s));
        return html.append("</section>\n").toString();
    }

    /** The daily and monthly bar charts, in kWh where the reading is in Wh (ESPI UnitSymbolKind 72). */
    private static String charts(Series s) {
        String unit = unit(s.uom());
        double scale = Math.pow(10, s.powerOfTen()) / (s.uom() != null && s.uom() == 72 ? 1000.0 : 1.0);
        return chart(
                        "Daily use, last " + DAYS + " days with data (" + unit + ")",
                        last(s.days(), DAYS),
                        scale,
                        d -> d.format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)))
                + chart(
                        "Monthly use (" + unit + ")",
                        last(s.months(), MONTHS),
                        scale,
                        m -> m.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH)));
    }

    private static String signOut(String action, String csrf) {
        return """
                <form method="post" action="%s">
                <input type="hidden" name="csrf" value="%s">
                <button type="submit">Sign out</button>
                </form>
                """.formatted(escape(action), escape(csrf));
    }

    /** Every application the customer shared data with: what, which usage points, since and until, and Revoke. */
    private static String connected(List<ConnectedApps.App> apps, String revoke, String csrf) {
        StringBuilder html = new StringBuilder("<h2>Connected apps</h2>\n");
        List<ConnectedApps.App> active =
                apps.stream().filter(ConnectedApps.App::active).toList();
        if (active.isEmpty()) html.append("<p>No application can see your data.</p>\n");
        for (ConnectedApps.App a : active) html.append(activeApp(a, revoke, csrf));
        return html.append(history(apps.stream().filter(a -> !a.active()).toList()))
                .toString();
    }

    /** What one application sees, over which usage points and for how long, with its Revoke button. */
    private static String activeApp(ConnectedApps.App a, String revoke, String csrf) {
        StringBuilder html = new StringBuilder();
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
        return html.toString();
    }

    /** Sharing that ended: when it began and how it ended (revoked, expired). */
    private static String history(List<ConnectedApps.App> ended) {
        if (ended.isEmpty()) return "";
        StringBuilder html = new StringBuilder("<h3>History</h3>\n<ul class=\"history\">\n");
        for (ConnectedApps.App a : ended) {
            html.append("<li>")
                    .append(escape(a.application()))
                    .append(": ")
                    .append(day(a.since()))
                    .append(", ")
                    .append(escape(a.ended()))
                    .append("</li>\n");
        }
        return html.append("</ul>\n").toString();
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
        for (int i = 0; i < points.size(); i++) form.append(usagePointChoice(i, points.get(i)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = points.stream()
                .filter(s -> s.first() != null)
                .map(s -> s.first().atOffset(ZoneOffset.UTC).toLocalDate())
                .min(Comparator.naturalOrder())
                .orElse(today);
        LocalDate last = points.stream()
                .filter(s -> s.first() != null)
                .map(s -> s.last().minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDate())
                .max(Comparator.naturalOrder())
                .orElse(today);
        return form.append(daysAndFormat(first, last)).toString();
    }

    /** A usage point's checkbox, checked: by default the download holds all of them. */
    private static String usagePointChoice(int i, Series s) {
        return "<label for=\"up-" + i + "\"><input type=\"checkbox\" id=\"up-" + i
                + "\" name=\"usage_point\" value=\"" + escape(s.usagePointId()) + "\" checked> "
                + escape(s.title() == null ? s.usagePointId() : s.title()) + "</label>\n";
    }

    /** The rest of the form: the days, preset to the span of the data, the format, and the button. */
    private static String daysAndFormat(LocalDate first, LocalDate last) {
        return "</fieldset>\n<label for=\"from\">First day (UTC)</label>\n<input type=\"date\" id=\"from\" name=\"from\" required value=\""
                + first
                + "\">\n<label for=\"to\">Last day (UTC)</label>\n<input type=\"date\" id=\"to\" name=\"to\" required value=\""
                + last
                + "\">\n<fieldset><legend>Format</legend>\n"
                + "<label for=\"format-xml\"><input type=\"radio\" id=\"format-xml\" name=\"format\" value=\"xml\" checked> Green Button XML</label>\n"
                + "<label for=\"format-csv\"><input type=\"radio\" id=\"format-csv\" name=\"format\" value=\"csv\"> CSV (spreadsheet)</label>\n"
                + "</fieldset>\n<fieldset><legend>Personal information (only if you tick it)</legend>\n"
                + "<label for=\"personal\"><input type=\"checkbox\" id=\"personal\" name=\"personal\"> include my personal information (name, address, account and meter numbers)</label>\n"
                + "</fieldset>\n<button type=\"submit\" class=\"primary\">Download</button>\n</form>\n";
    }

    /** A bar chart as inline SVG: presentation attributes only, which the page's style policy allows. */
    private static <K> String chart(
            String title, List<Map.Entry<K, Long>> values, double scale, Function<K, String> label) {
        double max =
                values.stream().mapToDouble(e -> e.getValue() * scale).max().orElse(1);
        if (max <= 0) max = 1;
        int bar = CHART_WIDTH / Math.max(values.size(), 1);
        StringBuilder svg = new StringBuilder("<figure><figcaption>" + escape(title)
                + "</figcaption>\n<svg class=\"chart\" viewBox=\"0 0 " + CHART_WIDTH + " " + (CHART_HEIGHT + 20)
                + "\" width=\"100%\" role=\"img\" aria-label=\"" + escape(title) + "\">\n");
        for (int i = 0; i < values.size(); i++) {
            Map.Entry<K, Long> e = values.get(i);
            double v = e.getValue() * scale;
            svg.append(bar(i * bar + 1, Math.max(bar - 2, 1), (int) Math.round(Math.max(0, v) / max * CHART_HEIGHT))
                    .append(escape(label.apply(e.getKey())))
                    .append(": ")
                    .append(String.format(Locale.ENGLISH, "%,.1f", v))
                    .append("</title></rect>\n"));
        }
        String from = label.apply(values.get(0).getKey()),
                to = label.apply(values.get(values.size() - 1).getKey());
        return svg.append(axis(from, to)).toString();
    }

    /** One bar, open at its tooltip: the caller writes the title and closes it. */
    private static StringBuilder bar(int x, int width, int height) {
        return new StringBuilder("<rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(CHART_HEIGHT - height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#2d6a2d\"><title>");
    }

    /** The first and last labels under the bars, and the end of the figure. */
    private static String axis(String from, String to) {
        return "<text x=\"0\" y=\"" + (CHART_HEIGHT + 16) + "\" font-size=\"12\">" + escape(from)
                + "</text><text x=\"" + CHART_WIDTH + "\" y=\"" + (CHART_HEIGHT + 16)
                + "\" font-size=\"12\" text-anchor=\"end\">" + escape(to) + "</text>\n</svg></figure>\n";
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
