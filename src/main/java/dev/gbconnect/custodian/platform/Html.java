package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;

/**
 * The server's few HTML pages: one layout, escaping, and the headers every page carries. Pages work without
 * JavaScript and allow none; the only style is the inline sheet below, admitted by its hash, or on the customers'
 * pages the {@link Brand}'s sheet, which includes it, admitted by its own.
 */
public final class Html {

    /** The one style sheet, inline; a template's layout writes it unchanged, so the header's hash admits it. */
    public static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;background:#f5f7f5;color:#1b1f1b}
            main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
            main.wide{max-width:64rem}
            nav a,nav button{margin-right:1rem}
            nav form{display:inline;background:none;border:0;padding:0}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border:1px solid #d5dbd5;padding:.4rem;text-align:left;vertical-align:top}
            progress{width:100%}
            .notice{background:#e8f3e8;border:1px solid #9cc79c;padding:.6rem;border-radius:6px;overflow-wrap:anywhere}
            h1{font-size:1.4rem}
            form{background:#fff;border:1px solid #d5dbd5;border-radius:8px;padding:1rem}
            label{display:block;margin:.8rem 0 .3rem;font-weight:600}
            input[type=text],input[type=password],input[type=date]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
            fieldset{border:1px solid #d5dbd5;border-radius:6px;margin:.8rem 0}
            fieldset label{font-weight:normal;margin:.3rem 0}
            button{font-size:1rem;padding:.6rem 1.2rem;margin:1rem .5rem 0 0;border-radius:6px;border:1px solid #2d6a2d}
            button.primary{background:#2d6a2d;color:#fff}
            .error{background:#fde8e8;border:1px solid #e0a0a0;padding:.6rem;border-radius:6px}
            .muted{color:#5a635a;font-size:.9rem}
            """;

    private static final String STYLE_HASH =
            "'sha256-" + Base64.getEncoder().encodeToString(PasswordHash.sha256(STYLE)) + "'";

    private Html() {}

    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A whole page. {@code formTargets} are the origins a form on it may end up at besides this server: CSP
     * form-action also governs where a form's answer redirects to.
     */
    public static Response.ResponseBuilder page(
            Response.Status status, String title, String body, String... formTargets) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><style>%s</style></head>
                <body><main>
                %s
                </main></body></html>
                """.formatted(escape(title), STYLE, body);
        return respond(status, html, formTargets);
    }

    /** A whole page already written (a template's output), with the headers every page carries. */
    public static Response.ResponseBuilder respond(Response.Status status, String html, String... formTargets) {
        return withPolicy(status, html, "", formTargets);
    }

    /**
     * As {@link #respond}, for a page that works without JavaScript and is better with this server's own script,
     * which may send requests to this server (the console's upload progress): still no inline script.
     */
    public static Response.ResponseBuilder respondWithScript(Response.Status status, String html) {
        return withPolicy(status, html, "; script-src 'self'; connect-src 'self'");
    }

    private static Response.ResponseBuilder withPolicy(
            Response.Status status, String html, String scripts, String... formTargets) {
        String formAction = "'self'" + (formTargets.length == 0 ? "" : " " + String.join(" ", formTargets));
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src " + STYLE_HASH + " "
                                + Brand.current().hash()
                                + "; img-src 'self'" + scripts + "; form-action " + formAction
                                + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    /** A refusal shown to a person, who cannot act on a JSON error. */
    public static Response error(Response.Status status, String title, String message) {
        return page(status, title, "<h1>" + escape(title) + "</h1>\n<p class=\"error\">" + escape(message) + "</p>")
                .build();
    }
}
