package dev.gbconnect.custodian.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The base URL the request being served came to, for code deep below the resources that builds absolute URIs
 * without a {@code UriInfo} of its own (notices written in the transaction of a change); {@link PublicUrl#configured}
 * comes first where it is set. Worked out only when asked, so requests that never need it pay nothing. Empty outside
 * requests.
 */
@RequestScoped
public class RequestBase {

    @Inject
    HttpServletRequest request;

    public Optional<String> get() {
        try {
            StringBuffer url = request.getRequestURL();
            String origin =
                    url.substring(0, url.length() - request.getRequestURI().length());
            return Optional.of(origin + request.getContextPath() + "/");
        } catch (RuntimeException noServletRequest) {
            // a timer or an executor thread has a request context of its own, but no HTTP request behind it
            return Optional.empty();
        }
    }
}
