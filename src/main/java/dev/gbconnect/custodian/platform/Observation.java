package dev.gbconnect.custodian.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every request, observed once: its duration into {@link Metrics} by route template and status class, token
 * requests by grant type and outcome, the bytes of ESPI answers, and, with {@code custodian.access-log=true}, one
 * access-log line. Registered ahead of every other filter ({@link ObservationSetup}), so the 421, 403 and 503
 * answers of those filters are counted too.
 *
 * <p>The access log names the method, the route template (never the path, whose ids identify customers and
 * resources), status, duration, bytes sent and the OAuth client id; never a token, secret, password, query or body.
 */
public class Observation extends HttpFilter {

    /** The OAuth client a request acted for, left by whoever authenticated it. */
    public static final String CLIENT_ID = Observation.class.getName() + ".client";

    /** The RFC 6749 error code a token request was refused with. */
    public static final String OAUTH_ERROR = Observation.class.getName() + ".oauthError";

    private static final Logger ACCESS = Logger.getLogger("dev.gbconnect.custodian.access");
    private static final Logger FAULTS = Logger.getLogger(Observation.class.getName());
    private static final String ESPI = "/espi/1_1/resource/";
    private static final Set<String> ESPI_NOT_USAGE =
            Set.of("ApplicationInformation", "Authorization", "ReadServiceStatus");
    private static final Set<String> GRANT_TYPES =
            Set.of("authorization_code", "client_credentials", "password", "refresh_token");
    private static final String TOKEN = "/oauth/token";
    /** Token requests are a few hundred bytes; what is kept of one to find its grant type and client. */
    private static final int FORM_KEPT = 4096;

    private boolean accessLog;

    @Override
    public void init() {
        accessLog = ConfigProvider.getConfig()
                .getOptionalValue("custodian.access-log", Boolean.class)
                .orElse(false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean token = path.equals(TOKEN) && "POST".equals(request.getMethod());
        Kept form = token ? new Kept(request) : null;
        Counted counted = new Counted(response);
        try {
            chain.doFilter(form == null ? request : form, counted);
        } finally {
            counted.flushWriter();
            try {
                observe(request, path, form, counted, System.nanoTime() - start);
            } catch (RuntimeException e) {
                // Counting an answer must never change it: a fault here is the metrics' own, logged and dropped.
                FAULTS.log(Level.WARNING, "request not counted in the metrics", e);
            }
        }
    }

    /** Counts the answer in the metrics and writes its access-log line; {@code form} is kept for token requests. */
    private void observe(HttpServletRequest request, String path, Kept form, Counted counted, long nanos) {
        int status = counted.getStatus();
        String route = route(request, path);
        Metrics.request(request.getMethod(), route, status, nanos);
        String client = (String) request.getAttribute(CLIENT_ID);
        if (form != null) {
            String parameters = form.text() + "&" + (request.getQueryString() == null ? "" : request.getQueryString());
            String grantType = parameter(parameters, "grant_type");
            Metrics.grant(
                    grantType != null && GRANT_TYPES.contains(grantType) ? grantType : "other",
                    status == 200 ? "issued" : outcome(request, status));
            if (client == null) client = tokenClient(request.getHeader("Authorization"), parameters);
        }
        if ("GET".equals(request.getMethod())
                && route.startsWith(ESPI)
                && !ESPI_NOT_USAGE.contains(route.substring(ESPI.length()).split("/")[0]))
            Metrics.feedBytes(counted.bytes);
        if (accessLog)
            ACCESS.info(String.format(
                    "%s %s %d %.1fms %dB client=%s",
                    request.getMethod(), route, status, nanos / 1e6, counted.bytes, client == null ? "-" : client));
    }

    /**
     * The JAX-RS route, or for what JAX-RS does not serve a fixed name: the container's own endpoints by their
     * prefix, everything else {@code unmatched} (one series for every unknown path).
     */
    private static String route(HttpServletRequest request, String path) {
        Object matched = request.getAttribute(Routes.ATTRIBUTE);
        if (matched != null) return (String) matched;
        for (String fixed : new String[] {"/health", "/metrics", "/openapi", "/api-docs", "/webjars", "/schemas"}) {
            if (path.equals(fixed) || path.startsWith(fixed + "/") || path.startsWith(fixed + "."))
                return path.startsWith(fixed + "/") ? fixed + "/*" : path;
        }
        return "unmatched";
    }

    private static String outcome(HttpServletRequest request, int status) {
        Object error = request.getAttribute(OAUTH_ERROR);
        return error != null ? (String) error : status >= 500 ? "server_error" : "refused";
    }

    /**
     * RFC 6749 §2.3.1: the client id is the user name of HTTP Basic, or the client_id parameter. Only the id is
     * taken; the secret beside it is never kept.
     */
    private static String tokenClient(String authorization, String parameters) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) return printable(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return printable(parameter(parameters, "client_id"));
    }

    private static String parameter(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A client id as sent, unless it would forge a log line or flood it. */
    private static String printable(String s) {
        return s == null || s.length() > 255 || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? null : s;
    }

    /** The request, the first bytes of its body kept as the application reads them. */
    private static final class Kept extends HttpServletRequestWrapper {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private ServletInputStream in;

        Kept(HttpServletRequest request) {
            super(request);
        }

        String text() {
            return kept.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) in = new Keeping(super.getInputStream());
            return in;
        }

        private final class Keeping extends ServletInputStream {
            private final ServletInputStream body;

            Keeping(ServletInputStream body) {
                this.body = body;
            }

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b >= 0 && kept.size() < FORM_KEPT) kept.write(b);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = body.read(b, off, len);
                if (n > 0) kept.write(b, off, Math.min(n, Math.max(0, FORM_KEPT - kept.size())));
                return n;
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        }
    }

    /** The response, counting the bytes of its body. */
    private static final class Counted extends HttpServletResponseWrapper {
        long bytes;
        private ServletOutputStream out;
        private PrintWriter writer;

        Counted(HttpServletResponse response) {
            super(response);
        }

        void flushWriter() {
            if (writer != null) writer.flush();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) out = new Counting(super.getOutputStream());
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null)
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()), false);
            return writer;
        }

        private final class Counting extends ServletOutputStream {
            private final ServletOutputStream body;

            Counting(ServletOutputStream body) {
                this.body = body;
            }

            @Override
            public void write(int b) throws IOException {
                body.write(b);
                bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                body.write(b, off, len);
                bytes += len;
            }

            @Override
            public void flush() throws IOException {
                body.flush();
            }

            @Override
            public void close() throws IOException {
                body.close();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                body.setWriteListener(listener);
            }
        }
    }
}
