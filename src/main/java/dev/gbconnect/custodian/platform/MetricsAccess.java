package dev.gbconnect.custodian.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /metrics}, in Prometheus' text format ({@link Metrics}), and who may read it. Payara's own metrics
 * service is off (pre-boot-commands.txt): it wrote every base and vendor series twice in one scrape. The
 * figures tell an outsider how busy the server is, what fails, and which JVM and libraries run it (issue 14). By
 * default only clients on this machine may read them; anyone else gets 403. With {@code custodian.metrics.token}
 * set, every scrape, local or not, must present it as a bearer token (RFC 6750 §2.1), else 401.
 */
@WebFilter("/metrics")
public class MetricsAccess extends HttpFilter {

    enum Decision {
        ALLOW,
        UNAUTHENTICATED,
        FORBIDDEN
    }

    /** SHA-256 of the configured token, or null for loopback-only access. */
    private byte[] token;

    @Override
    public void init() {
        token = ConfigProvider.getConfig()
                .getOptionalValue("custodian.metrics.token", String.class)
                .map(MetricsAccess::digest)
                .orElse(null);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        switch (decide(token, loopback(request.getRemoteAddr()), request.getHeader("Authorization"))) {
            case ALLOW -> {
                response.setContentType(Metrics.contentType());
                response.setHeader("Cache-Control", "no-store");
                Metrics.write(response.getOutputStream());
            }
            case UNAUTHENTICATED -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                ErrorMappers.write(
                        response, ApiError.UNAUTHORIZED, "metrics need the bearer token in custodian.metrics.token");
            }
            case FORBIDDEN ->
                ErrorMappers.write(
                        response,
                        ApiError.FORBIDDEN,
                        "metrics are open to this machine only; set custodian.metrics.token to scrape from elsewhere");
        }
    }

    /**
     * Both sides are hashed first, so the comparison takes the same time whatever the guess, its length included.
     */
    static Decision decide(byte[] tokenDigest, boolean loopbackClient, String authorization) {
        if (tokenDigest == null) return loopbackClient ? Decision.ALLOW : Decision.FORBIDDEN;
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return bearer && MessageDigest.isEqual(tokenDigest, digest(authorization.substring(7)))
                ? Decision.ALLOW
                : Decision.UNAUTHENTICATED;
    }

    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    /** The servlet container gives the peer's address as a literal, so this asks no DNS. */
    private static boolean loopback(String remoteAddress) {
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (IOException unparsable) {
            return false;
        }
    }
}
