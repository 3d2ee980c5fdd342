package dev.gbconnect.custodian.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HTTPS for every answer of the application (GREEN-BUTTON-CMD.md SC-01). Over TLS each answer carries
 * {@code Strict-Transport-Security} (RFC 6797 §7.1), so a browser that once reached us over https never again
 * sends its cookies or a customer's password in the clear. Over plain HTTP it carries none (§7.2: it would be
 * ignored, and an attacker could forge it anyway); with {@code custodian.plain-http=redirect} a plain request is
 * sent to the same path on the public https URL instead of being served. A servlet filter rather than a JAX-RS
 * one, so that no answer escapes it: in the uber-jar Payara's own /health, and the servlets serving /metrics and
 * /openapi, pass through it too.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TransportSecurity extends HttpFilter {

    private String hsts;
    private String redirectBase;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        Config config = ConfigProvider.getConfig();
        Duration maxAge = config.getOptionalValue("custodian.hsts.max-age", Duration.class)
                .orElse(Duration.ofDays(365));
        if (maxAge.isNegative())
            throw new ServletException("custodian.hsts.max-age must not be negative, got " + maxAge);
        boolean subdomains = config.getOptionalValue("custodian.hsts.include-subdomains", Boolean.class)
                .orElse(false);
        hsts = "max-age=" + maxAge.toSeconds() + (subdomains ? "; includeSubDomains" : "");
        String plain = config.getOptionalValue("custodian.plain-http", String.class)
                .orElse("serve")
                .toLowerCase(Locale.ROOT);
        redirectBase = switch (plain) {
            case "serve" -> null;
            case "redirect" -> httpsPublicUrl();
            default -> throw new ServletException("custodian.plain-http must be serve or redirect, got " + plain);
        };
    }

    /**
     * Where plain requests go, ending with a slash: the configured public URL, never the Host a request names
     * (which anyone can set), so the redirect cannot point elsewhere.
     */
    private static String httpsPublicUrl() throws ServletException {
        String base = PublicUrl.configured();
        if (base == null || !"https".equals(URI.create(base).getScheme()))
            throw new ServletException(
                    "custodian.plain-http=redirect needs custodian.public-url, an https URL, to redirect to; got "
                            + base);
        return base;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", hsts);
        } else if (redirectBase != null && !probe(request)) {
            redirect(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Health checks ({@code /health}, {@code /health/ready}...) are still answered over plain HTTP: load balancers
     * and orchestrators probe an instance on the inside network, often without TLS, and the answer holds no
     * customer's data.
     */
    private static boolean probe(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/health") || path.startsWith("/health/");
    }

    /**
     * RFC 6797 §7.2: a permanent redirect to https. 301 for GET and HEAD; 308 (RFC 9110 §15.4.9) for every other
     * method, which must not turn into a GET without its body on the way.
     */
    private void redirect(HttpServletRequest request, HttpServletResponse response) {
        String method = request.getMethod();
        String query = request.getQueryString();
        response.setStatus(method.equals("GET") || method.equals("HEAD") ? 301 : 308);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Location", redirectBase + path.replaceFirst("^/", "") + (query == null ? "" : "?" + query));
        response.setContentLength(0);
    }
}
