package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.AtomWriter;
import dev.gbconnect.custodian.atom.CertificationLink;
import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.authorization.control.AuthorizationUris;
import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.Caller;
import dev.gbconnect.custodian.authorization.control.EspiAuthorizationXml;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.platform.OutsideRights;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
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
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * ESPI Authorization resources, for the token classes ESPI names: the data custodian reads all, a third party's
 * back office (client_credentials) its own (see {@link Authorizations#visibleTo}); a third party ends one of its
 * own with DELETE, and its tokens stop at once.
 */
@Path("espi/1_1/resource/Authorization")
@RequestScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.DATA_CUSTODIAN, TokenClass.THIRD_PARTY})
@Produces(AtomBody.MEDIA_TYPE)
public class EspiAuthorizationResource {

    private static final String ENTRY = "espi-entry/Authorization", FEED = "espi-feed/Authorization";

    @Inject
    Authorizations authorizations;

    @Inject
    CurrentCaller caller;

    @Inject
    AdminAudit audit;

    @Inject
    CertificationLink certification;

    @Inject
    OutsideRights outsideRights;

    @Context
    UriInfo uri;

    @GET
    public Response all() {
        Page page = Page.of(uri);
        FeedQuery.Slice<Authorization> visible = authorizations.visibleTo(caller.get(), page.query());
        Set<String> suspended = authorizations.suspended(visible.rows());
        EspiUris uris = EspiUris.of(uri);
        List<AtomWriter.Link> links = page.links(FEED, visible.more());
        links.addAll(certification.links());
        String feedId = "urn:uuid:"
                + EntryIds.of(
                        "feed", uris.resource("Authorization"), caller.get().clientId());
        Instant now = Instant.now();
        return Response.ok(AtomBody.stream(atom -> {
                    atom.startFeed(feedId, "Authorization", now, links.toArray(AtomWriter.Link[]::new));
                    for (Authorization a : visible.rows()) entry(atom, a, suspended.contains(a.id()), uris, List.of());
                }))
                .build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        FeedQuery.parse(uri.getQueryParameters());
        Authorization a = visible(id);
        boolean suspended = !authorizations.suspended(List.of(a)).isEmpty();
        EspiUris uris = EspiUris.of(uri);
        List<AtomWriter.Link> cert = certification.links();
        return Response.ok(AtomBody.stream(atom -> entry(atom, a, suspended, uris, cert)))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response end(@PathParam("id") String id) {
        Caller c = caller.get();
        authorizations.end(
                visible(id), c.isDataCustodian() ? "ended by the data custodian" : "ended by the third party");
        audit.record("authorization.end", "authorization " + id, null);
        return Response.noContent().build();
    }

    private Authorization visible(String id) {
        return authorizations
                .visibleTo(caller.get(), id)
                .orElseThrow(() -> outsideRights.refusal(
                        "Authorization " + id, () -> authorizations.find(id).isPresent()));
    }

    private static void entry(
            AtomWriter atom, Authorization a, boolean suspended, EspiUris uris, List<AtomWriter.Link> extra)
            throws XMLStreamException {
        String self = AuthorizationUris.authorization(uris, a);
        List<AtomWriter.Link> links = new ArrayList<>(
                List.of(AtomWriter.Link.self(self, ENTRY), AtomWriter.Link.up(uris.resource("Authorization"), FEED)));
        links.addAll(extra);
        EspiAuthorizationXml.authorization(
                atom.startEntry(
                        "urn:uuid:" + EntryIds.of("Authorization", a.id()),
                        "Authorization",
                        a.createdAt(),
                        a.updatedAt(),
                        links.toArray(AtomWriter.Link[]::new)),
                a,
                suspended,
                uris);
        atom.endEntry();
    }
}
