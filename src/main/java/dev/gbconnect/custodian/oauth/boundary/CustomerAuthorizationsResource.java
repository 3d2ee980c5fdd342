package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.boundary.AdminAudit;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.AuthorizationUris;
import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.oauth.control.OfflineAuthorization;
import dev.gbconnect.custodian.oauth.control.Tokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a customer has granted, for the operator's support staff: every Authorization, active or ended; and
 * offline authorization, granted by staff on the customer's behalf.
 */
@Path("admin/customers/{customerId}/authorizations")
@RequestScoped
@RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerAuthorizationsResource {

    private static final String[] STATUS = {"revoked", "active", "denied"};

    public record AuthorizationView(
            String id,
            @JsonbProperty("client_id") String clientId,
            String scope,
            String status,
            @JsonbProperty("usage_points") Set<String> usagePoints,
            Instant since,
            Instant until,
            @JsonbProperty("end_reason") String endReason,
            @JsonbProperty("offline_reason") String offlineReason) {
        static AuthorizationView of(Authorization a) {
            return new AuthorizationView(
                    a.id(),
                    a.clientId(),
                    a.scope(),
                    STATUS[a.status()],
                    a.usagePointIds(),
                    a.authorizedStart(),
                    a.authorizedEnd(),
                    a.endReason(),
                    a.offlineReason());
        }
    }

    /** As the token response names them; customerResourceURI only when the scope grants personal information. */
    @JsonbPropertyOrder({"refresh_token", "resourceURI", "authorizationURI", "customerResourceURI"})
    public record OfflineGrant(
            @JsonbProperty("refresh_token") String refreshToken,
            String resourceURI,
            String authorizationURI,
            String customerResourceURI) {}

    @Inject
    Customers customers;

    @Inject
    OfflineAuthorization offline;

    @Inject
    AdminAudit audit;

    @Context
    UriInfo uri;

    @Inject
    Authorizations authorizations;

    @GET
    public List<AuthorizationView> list(@PathParam("customerId") String customerId) {
        customers.find(customerId);
        return authorizations.ofCustomer(customerId).stream()
                .map(AuthorizationView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response grant(@PathParam("customerId") String customerId, OfflineAuthorization.Request body) {
        Tokens.Issued issued = offline.grant(customerId, body);
        audit.record(
                "authorization.offline",
                "authorization " + issued.authorization().id() + " of customer " + customerId + " for client "
                        + body.clientId(),
                body.reason());
        EspiUris uris = EspiUris.of(uri);
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(new OfflineGrant(
                        issued.refreshToken(),
                        AuthorizationUris.resourceOf(uris, issued.authorization()),
                        AuthorizationUris.authorization(uris, issued.authorization()),
                        AuthorizationUris.customerResourceOf(uris, issued.authorization())))
                .build();
    }
}
