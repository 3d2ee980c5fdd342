package dev.gbconnect.custodian.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a person who types the server's address sees (issue 18): whose server this is and where to go next, the
 * customers' portal, and for third parties' developers the OAuth metadata (RFC 8414), the API description and the
 * documentation. Links are relative, so they stay on the address and scheme the visitor used.
 */
@Path("/")
public class LandingPage {

    @Inject
    @ConfigProperty(name = "custodian.utility-name")
    String utilityName;

    @Inject
    @ConfigProperty(name = "custodian.docs-url")
    Optional<String> docsUrl;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        String name = Html.escape(utilityName);
        String docs = docsUrl.map(url -> "\n<li><a href=\"" + Html.escape(url) + "\">Documentation</a></li>")
                .orElse("");
        return Html.page(Response.Status.OK, utilityName, """
                        <h1>%s</h1>
                        <p>Green Button Connect My Data: %s's customers see their energy usage here and choose which
                        applications may read it (NAESB ESPI 4.0).</p>
                        <h2>Customers</h2>
                        <ul><li><a href="/portal">Sign in to see your usage and connected applications</a></li></ul>
                        <h2>Staff of %s</h2>
                        <ul><li><a href="/console">Operator console</a></li></ul>
                        <h2>Developers of third-party applications</h2>
                        <ul>
                        <li><a href="/.well-known/oauth-authorization-server">OAuth 2.0 authorization server metadata</a></li>
                        <li><a href="/openapi">API description (OpenAPI)</a></li>%s
                        </ul>
                        """.formatted(name, name, name, docs))
                .build();
    }
}
