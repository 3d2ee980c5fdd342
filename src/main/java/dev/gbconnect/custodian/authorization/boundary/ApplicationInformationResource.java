package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.AtomWriter;
import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.control.EspiAuthorizationXml;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registered third parties as ESPI ApplicationInformation: the admin sees all, a third party only itself. */
@Path("espi/1_1/resource/ApplicationInformation")
@RequestScoped
@RequiresScope({Scopes.DATA_CUSTODIAN_ADMIN, Scopes.THIRD_PARTY_ADMIN, Scopes.REGISTRATION})
@Tag(
        name = "ESPI ApplicationInformation",
        description = "DataCustodian_Admin_Access: all; ThirdParty_Admin_Access or FB=36_40: the client's own")
@Produces(AtomBody.MEDIA_TYPE)
public class ApplicationInformationResource {

    private static final String ENTRY = "espi-entry/ApplicationInformation", FEED = "espi-feed/ApplicationInformation";

    @Inject
    Clients clients;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "custodian.data-custodian-id")
    String dataCustodianId;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Registered third parties as an Atom feed")
    public Response all() {
        Caller c = caller.get();
        List<Client> visible = admin(c) ? clients.thirdParties() : List.of(clients.thirdParty(c.clientId()));
        EspiUris uris = EspiUris.of(uri);
        String self = uris.resource("ApplicationInformation");
        String feedId = "urn:uuid:" + EntryIds.of("feed", self, c.clientId());
        Instant now = Instant.now();
        return Response.ok(AtomBody.stream(atom -> {
                    atom.startFeed(feedId, "ApplicationInformation", now, AtomWriter.Link.self(self, FEED));
                    for (Client client : visible) entry(atom, client, uris);
                }))
                .build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        Caller c = caller.get();
        if (!admin(c) && !c.clientId().equals(id)) throw ApiException.notFound("ApplicationInformation " + id);
        Client client = clients.thirdParty(id);
        EspiUris uris = EspiUris.of(uri);
        return Response.ok(AtomBody.stream(atom -> entry(atom, client, uris))).build();
    }

    private static boolean admin(Caller c) {
        return c.scopes().contains(Scopes.DATA_CUSTODIAN_ADMIN);
    }

    private void entry(AtomWriter atom, Client c, EspiUris uris) throws XMLStreamException {
        String self = uris.resource("ApplicationInformation/" + c.id());
        EspiAuthorizationXml.applicationInformation(
                atom.startEntry(
                        "urn:uuid:" + EntryIds.of("ApplicationInformation", c.id()),
                        c.name(),
                        c.issuedAt(),
                        c.updatedAt(),
                        AtomWriter.Link.self(self, ENTRY),
                        AtomWriter.Link.up(uris.resource("ApplicationInformation"), FEED)),
                c,
                dataCustodianId,
                uris);
        atom.endEntry();
    }
}
