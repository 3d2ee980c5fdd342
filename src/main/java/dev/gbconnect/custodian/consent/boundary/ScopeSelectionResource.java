package dev.gbconnect.custodian.consent.boundary;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.platform.PageError;
import dev.gbconnect.custodian.platform.PublicUrl;
import dev.gbconnect.custodian.platform.Templates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    @Context
    HttpHeaders headers;

    /** The page's model: the applications a customer can start from here. */
    public record Listing(CustomerFrame frame, String path, List<Client> apps) {
        public String link(Client c) {
            return path + "?client_id=" + URLEncoder.encode(c.id(), StandardCharsets.UTF_8);
        }
    }

    @GET
    public Response select(@QueryParam("client_id") String clientId) {
        if (clientId == null) return list();
        Client c = clients.find(clientId)
                .filter(Client::connectable)
                .orElseThrow(() -> PageError.NOT_FOUND.customer("error.unknown-app.title", "error.unknown-app"));
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
        List<Client> apps =
                clients.thirdParties().stream().filter(Client::connectable).toList();
        CustomerFrame frame = CustomerFrame.signedOut(uri, headers, "oauth/scope-selection");
        return Templates.page(
                        Response.Status.OK,
                        "consent/scopeSelection.jte",
                        new Listing(frame, PublicUrl.path(uri, "oauth/scope-selection"), apps))
                .build();
    }
}
