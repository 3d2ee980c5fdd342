package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.AtomWriter;
import dev.gbconnect.custodian.atom.CertificationLink;
import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.control.Clients;
import dev.gbconnect.custodian.authorization.control.EspiAuthorizationXml;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.platform.OutsideRights;
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
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registered third parties as ESPI ApplicationInformation, for the token classes ESPI names: the data custodian
 * sees all, a third party's registration token (FB=36_40) only its own.
 */
@Path("espi/1_1/resource/ApplicationInformation")
@RequestScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.DATA_CUSTODIAN, TokenClass.REGISTRATION})
@Produces(AtomBody.MEDIA_TYPE)
public class ApplicationInformationResource {

    private static final String ENTRY = "espi-entry/ApplicationInformation", FEED = "espi-feed/ApplicationInformation";

    @Inject
    Clients clients;

    @Inject
    CurrentCaller caller;

    @Inject
    CertificationLink certification;

    @Inject
    OutsideRights outsideRights;

    @Inject
    @ConfigProperty(name = "custodian.data-custodian-id")
    String dataCustodianId;

    @Context
    UriInfo uri;

    @GET
    public Response all() {
        Caller c = caller.get();
        Page page = Page.of(uri);
        FeedQuery.Slice<Client> visible = clients.thirdParties(c.visibleClient(), page.query());
        EspiUris uris = EspiUris.of(uri);
        List<AtomWriter.Link> links = page.links(FEED, visible.more());
        links.addAll(certification.links());
        String feedId = "urn:uuid:" + EntryIds.of("feed", uris.resource("ApplicationInformation"), c.clientId());
        Instant now = Instant.now();
        return Response.ok(AtomBody.stream(atom -> {
                    atom.startFeed(feedId, "ApplicationInformation", now, links.toArray(AtomWriter.Link[]::new));
                    for (Client client : visible.rows()) entry(atom, client, uris, List.of());
                }))
                .build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        FeedQuery.parse(uri.getQueryParameters());
        Caller c = caller.get();
        if (!c.mayManage(id))
            throw outsideRights.refusal(
                    "ApplicationInformation " + id,
                    () -> clients.find(id)
                            .filter(x -> x.kind() == Client.Kind.THIRD_PARTY)
                            .isPresent());
        Client client = clients.thirdParty(id);
        EspiUris uris = EspiUris.of(uri);
        List<AtomWriter.Link> cert = certification.links();
        return Response.ok(AtomBody.stream(atom -> entry(atom, client, uris, cert)))
                .build();
    }

    private void entry(AtomWriter atom, Client c, EspiUris uris, List<AtomWriter.Link> extra)
            throws XMLStreamException {
        List<AtomWriter.Link> links = new ArrayList<>(List.of(
                AtomWriter.Link.self(uris.resource("ApplicationInformation/" + c.id()), ENTRY),
                AtomWriter.Link.up(uris.resource("ApplicationInformation"), FEED)));
        links.addAll(extra);
        EspiAuthorizationXml.applicationInformation(
                atom.startEntry(
                        "urn:uuid:" + EntryIds.of("ApplicationInformation", c.id()),
                        c.name(),
                        c.issuedAt(),
                        c.updatedAt(),
                        links.toArray(AtomWriter.Link[]::new)),
                c,
                dataCustodianId,
                uris);
        atom.endEntry();
    }
}
