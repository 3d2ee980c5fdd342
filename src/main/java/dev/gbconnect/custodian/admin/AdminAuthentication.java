package dev.gbconnect.custodian.admin;

import dev.gbconnect.custodian.platform.ApiException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic with the admin client's id and secret, form-url-decoded as RFC 6749 Appendix B asks. Runs before the
 * request body is read, so a refused upload costs nothing.
 */
@Provider
@ApplicationScoped
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

    @Inject
    AdminClients clients;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw refused("admin credentials required: HTTP Basic with the admin client id and secret");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) throw refused("the Basic credentials must be client-id:client-secret");
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        if (!clients.verify(id, secret)) throw refused("unknown admin client or wrong secret");
    }

    private static ApiException refused(String message) {
        return new ApiException(Response.Status.UNAUTHORIZED, "invalid_client", message);
    }
}
