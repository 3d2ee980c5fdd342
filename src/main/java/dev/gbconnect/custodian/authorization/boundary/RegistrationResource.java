package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.Registration;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;

/**
 * RFC 7591 dynamic registration with an initial access token (a DataCustodian_Admin_Access bearer token), and
 * RFC 7592-style management at the registration_client_uri: by the admin, or by the third party itself with
 * its registration token (client_credentials, scope FB=36_40). Secrets are shown once, when created.
 */
@Path("oauth/register")
@RequestScoped
@RequiresScope({Scopes.DATA_CUSTODIAN_ADMIN, Scopes.REGISTRATION})
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @JsonbPropertyOrder({"id", "created_at", "client_secret"})
    public record SecretView(
            String id,
            @JsonbProperty("created_at") Instant createdAt,
            @JsonbProperty("client_secret") String secret) {}

    public record StatusChange(Client.Status status) {}

    @Inject
    Clients clients;

    @Inject
    CurrentCaller caller;

    @Inject
    AdminAudit audit;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)
    public Response register(Registration body) {
        Clients.Registered r = clients.register(body);
        audit.record("client.register", target(r.client()), null);
        return Response.created(registrationUri(r.client()))
                .entity(view(r.client(), r.secret() == null ? null : r.secret().secret()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject read(@PathParam("id") String id) {
        return view(own(id), null);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public JsonObject update(@PathParam("id") String id, Registration body) {
        Client c = clients.update(own(id).id(), body, caller.get().isDataCustodian());
        audit.record("client.update", target(c), null);
        return view(c, null);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)
    public JsonObject status(@PathParam("id") String id, StatusChange body) {
        if (body == null || body.status() == null)
            throw invalid("body must be {\"status\": \"REVIEW\" | \"ACTIVE\" | \"SUSPENDED\" | \"REVOKED\"}");
        Client c = clients.status(id, body.status());
        audit.record("client.status", target(c) + " to " + c.status(), null);
        return view(c, null);
    }

    @POST
    @Path("{id}/secrets")
    @Transactional
    public Response newSecret(@PathParam("id") String id) {
        Clients.NewSecret s = clients.newSecret(own(id).id());
        audit.record("client.secret-new", "client " + id + " secret " + s.id(), null);
        return Response.status(Response.Status.CREATED)
                .entity(new SecretView(s.id(), s.createdAt(), s.secret()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Path("{id}/secrets/{secretId}")
    @Transactional
    public Response revokeSecret(@PathParam("id") String id, @PathParam("secretId") String secretId) {
        clients.revokeSecret(own(id).id(), secretId);
        audit.record("client.secret-revoke", "client " + id + " secret " + secretId, null);
        return Response.noContent().build();
    }

    /** The admin reaches every third party; a registration token only its own, and others look absent. */
    private Client own(String id) {
        if (!caller.get().mayManage(id)) throw ApiException.notFound("client " + id);
        return clients.thirdParty(id);
    }

    private static String target(Client c) {
        return "client " + c.id() + " (" + c.name() + ")";
    }

    private JsonObject view(Client c, String secret) {
        return RegistrationView.of(c, secret, clients.activeSecrets(c.id()), registrationUri(c));
    }

    private URI registrationUri(Client c) {
        return PublicUrl.base(uri).resolve("oauth/register/" + c.id());
    }

    private static ApiException invalid(String message) {
        return ApiError.INVALID_REQUEST.because(message);
    }
}
