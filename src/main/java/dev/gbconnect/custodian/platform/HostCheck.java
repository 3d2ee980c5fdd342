package dev.gbconnect.custodian.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses requests addressed to a host this deployment does not answer for. Without {@code custodian.public-url},
 * absolute URIs (redirects, ESPI resource URIs, the URIs in notices to third parties) are built from the Host header,
 * so a forged Host sent third parties' tokens to an attacker's server (issue 14). Locally that convenience stays: a
 * plain-HTTP server without a public URL answers any Host, and warns at start when it listens beyond loopback. Once a
 * deployment names itself (a public URL, {@code custodian.allowed-hosts}) or serves TLS, only those names and loopback
 * ones are accepted; others get 421 Misdirected Request (RFC 9110 §15.5.20).
 *
 * <p>{@code /health} and {@code /metrics} are exempt: load balancers and scrapers address each instance by its own
 * address, and neither builds a URI (metrics have {@link MetricsAccess}).
 */
@WebFilter("/*")
public class HostCheck extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(HostCheck.class.getName());

    private Set<String> named;
    private boolean strict;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        String publicUrl = PublicUrl.configured();
        named = Stream.concat(
                        Stream.ofNullable(publicUrl).map(u -> URI.create(u).getHost()),
                        config.getOptionalValues("custodian.allowed-hosts", String.class).orElse(List.of()).stream())
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        ServerListeners listeners = ServerListeners.ofThisServer();
        strict = !named.isEmpty() || listeners.tls();
        if (!strict && listeners.beyondLoopback()) {
            LOG.warning("custodian.public-url is not set and the server listens beyond loopback without TLS: absolute"
                    + " URIs (redirects, resource URIs, notices to third parties) follow each request's Host header."
                    + " Set custodian.public-url for any use other than local testing (docs/configuration.md).");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean exempt = path.equals("/health")
                || path.startsWith("/health/")
                || path.equals("/metrics")
                || path.startsWith("/metrics/");
        if (exempt || !(strict || request.isSecure()) || accepted(request.getServerName())) {
            chain.doFilter(request, response);
            return;
        }
        ErrorMappers.write(
                response,
                ApiError.MISDIRECTED_REQUEST,
                "this server does not answer for host " + request.getServerName());
    }

    private boolean accepted(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return named.contains(h) || loopbackName(h);
    }

    /** Loopback names need no DNS to decide: local tools on the server's own machine. */
    static boolean loopbackName(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost")
                || h.matches("127(\\.\\d{1,3}){3}")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
