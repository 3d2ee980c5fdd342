package dev.gbconnect.custodian.consent.boundary;

import static dev.gbconnect.custodian.platform.Html.escape;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.Html;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data custodian's scope-selection screen (ESPI dataCustodianScopeSelectionScreenURI): the flow a customer
 * starts here. Without a client it lists the active third parties; with one it sends the browser to that third
 * party's scope-selection screen with one {@code scope=} per offered scope and our {@code DataCustodianID}; the
 * third party then starts the usual authorization request.
 */
@Path("oauth/scope-selection")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class ScopeSelectionResource {

    @Inject
    Clients clients;

    @Inject
    @ConfigProperty(name = "custodian.data-custodian-id")
    String dataCustodianId;

    @Context
    UriInfo uri;

    @GET
    public Response select(@QueryParam("client_id") String clientId) {
        if (clientId == null) return list();
        Client c = clients.find(clientId)
                .filter(Client::connectable)
                .orElseThrow(() -> PageError.NOT_FOUND.on(
                        "Unknown application",
                        "This application is not registered with us, or cannot be started from here."));
        StringBuilder target = new StringBuilder(c.scopeSelectionUri());
        char separator = c.scopeSelectionUri().contains("?") ? '&' : '?';
        for (String scope : c.scopes()) {
            target.append(separator).append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
            separator = '&';
        }
        target.append(separator)
                .append("DataCustodianID=")
                .append(URLEncoder.encode(dataCustodianId, StandardCharsets.UTF_8));
        return Response.seeOther(URI.create(target.toString()))
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response list() {
        StringBuilder items = new StringBuilder();
        for (Client c : clients.thirdParties()) {
            if (!c.connectable()) continue;
            String link = PublicUrl.path(
                    uri, "oauth/scope-selection?client_id=" + URLEncoder.encode(c.id(), StandardCharsets.UTF_8));
            items.append("<li><a href=\"")
                    .append(escape(link))
                    .append("\">")
                    .append(escape(c.name()))
                    .append("</a>")
                    .append(
                            c.description() == null
                                    ? ""
                                    : " <span class=\"muted\">" + escape(c.description()) + "</span>")
                    .append("</li>\n");
        }
        String body = "<h1>Connect an application</h1>\n<p>Choose the application to share your energy data with. "
                + "It will ask what it needs, then send you back here to sign in and approve.</p>\n"
                + (items.length() == 0 ? "<p>No applications are registered yet.</p>" : "<ul>\n" + items + "</ul>");
        return Html.page(Response.Status.OK, "Connect an application", body).build();
    }
}
