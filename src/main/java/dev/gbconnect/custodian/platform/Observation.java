package dev.gbconnect.custodian.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
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

    /** The grant_type a token request asked for, left by the token endpoint. */
    public static final String GRANT_TYPE = Observation.class.getName() + ".grantType";

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
        Counted counted = new Counted(response);
        try {
            chain.doFilter(request, counted);
        } finally {
            counted.flushWriter();
            try {
                observe(request, path, token, counted, System.nanoTime() - start);
            } catch (RuntimeException e) {
                // Counting an answer must never change it: a fault here is the metrics' own, logged and dropped.
                FAULTS.log(Level.WARNING, "request not counted in the metrics", e);
            }
        }
    }

    /** Counts the answer in the metrics and writes its access-log line; {@code token}: a token request. */
    private void observe(HttpServletRequest request, String path, boolean token, Counted counted, long nanos) {
        int status = counted.getStatus();
        String route = route(request, path);
        Metrics.request(request.getMethod(), route, status, nanos);
        // A token request's client id is the one it claims, authenticated or not: printable() keeps it one log line.
        String client = printable((String) request.getAttribute(CLIENT_ID));
        if (token) {
            Metrics.grant(
                    request.getAttribute(GRANT_TYPE) instanceof String g && GRANT_TYPES.contains(g) ? g : "other",
                    status == 200 ? "issued" : outcome(request, status));
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

    /** A client id as sent, unless it would forge a log line or flood it. */
    private static String printable(String s) {
        return s == null || s.length() > 255 || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? null : s;
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
