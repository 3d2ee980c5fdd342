package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's address as clients see it, for every absolute URI we hand out (issuer, ESPI resource URIs,
 * redirects, cookie paths). {@code custodian.public-url} names it behind a proxy or TLS terminator; otherwise it
 * is the address the request came to, so a request over https gets https URIs.
 */
public final class PublicUrl {

    private PublicUrl() {}

    /** Always ends with a slash. */
    public static URI base(UriInfo request) {
        String base = configured();
        if (base == null) base = request.getBaseUri().toString();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** {@code custodian.public-url} ending with a slash, or null when unset. */
    public static String configured() {
        return ConfigProvider.getConfig()
                .getOptionalValue("custodian.public-url", String.class)
                .map(u -> u.endsWith("/") ? u : u + "/")
                .orElse(null);
    }

    /**
     * A cookie for our own pages below {@code relative}: HttpOnly, SameSite=Lax, Secure when clients reach us over
     * https; a null value removes it.
     */
    public static NewCookie cookie(UriInfo request, String name, String value, String relative) {
        NewCookie.Builder b = new NewCookie.Builder(name)
                .value(value == null ? "" : value)
                .path(path(request, relative))
                .httpOnly(true)
                .secure("https".equals(base(request).getScheme()))
                .sameSite(NewCookie.SameSite.LAX);
        return (value == null ? b.maxAge(0) : b).build();
    }

    /** The base's path, for links and cookies on our own pages. */
    public static String path(UriInfo request, String relative) {
        return base(request).getRawPath() + relative;
    }
}
