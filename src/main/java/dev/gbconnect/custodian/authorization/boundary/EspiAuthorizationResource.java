package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.authorization.control.Authorizations;
import dev.gbconnect.custodian.authorization.control.EspiAuthorizationXml;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.feed.control.AtomBody;
import dev.gbconnect.custodian.feed.control.AtomWriter;
import dev.gbconnect.custodian.feed.control.EntryIds;
import dev.gbconnect.custodian.feed.control.EspiUris;
import dev.gbconnect.custodian.oauth.boundary.CurrentCaller;
import dev.gbconnect.custodian.oauth.boundary.RequiresScope;
import dev.gbconnect.custodian.oauth.control.Caller;
import dev.gbconnect.custodian.oauth.control.Scopes;
import dev.gbconnect.custodian.platform.ApiException;
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
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ESPI Authorization resources. Any valid token reads what it may see (see {@link Authorizations#visibleTo}); a
 * third party ends one of its own with DELETE, and its tokens stop at once.
 */
@Path("espi/1_1/resource/Authorization")
@RequestScoped
@RequiresScope({})
@Tag(
        name = "ESPI Authorization",
        description =
                "DataCustodian_Admin_Access: all; ThirdParty_Admin_Access: the client's own; a customer token: its own")
@Produces(AtomBody.MEDIA_TYPE)
public class EspiAuthorizationResource {

    private static final String ENTRY = "espi-entry/Authorization", FEED = "espi-feed/Authorization";

    @Inject
    Authorizations authorizations;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The Authorizations this token may see, as an Atom feed")
    public Response all() {
        List<Authorization> visible = authorizations.visibleTo(caller.get());
        Set<String> suspended = authorizations.suspended(visible);
        EspiUris uris = EspiUris.of(uri);
        String self = uris.resource("Authorization");
        Instant now = Instant.now();
        String feedId = "urn:uuid:" + EntryIds.of("feed", self, caller.get().clientId());
        return Response.ok(AtomBody.stream(atom -> {
                    atom.startFeed(feedId, "Authorization", now, AtomWriter.Link.self(self, FEED));
                    for (Authorization a : visible) entry(atom, a, suspended.contains(a.id()), uris, now);
                }))
                .build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        Authorization a = visible(id);
        boolean suspended = !authorizations.suspended(List.of(a)).isEmpty();
        EspiUris uris = EspiUris.of(uri);
        return Response.ok(AtomBody.stream(atom -> entry(atom, a, suspended, uris, Instant.now())))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RequiresScope({Scopes.DATA_CUSTODIAN_ADMIN, Scopes.THIRD_PARTY_ADMIN})
    @Operation(summary = "End an Authorization: its access and refresh tokens stop working at once")
    public Response end(@PathParam("id") String id) {
        Caller c = caller.get();
        authorizations.end(
                visible(id),
                c.scopes().contains(Scopes.DATA_CUSTODIAN_ADMIN)
                        ? "ended by the data custodian"
                        : "ended by the third party");
        return Response.noContent().build();
    }

    private Authorization visible(String id) {
        return authorizations
                .visibleTo(caller.get(), id)
                .orElseThrow(() -> ApiException.notFound("Authorization " + id));
    }

    private static void entry(AtomWriter atom, Authorization a, boolean suspended, EspiUris uris, Instant now)
            throws XMLStreamException {
        String self = uris.authorization(a);
        EspiAuthorizationXml.authorization(
                atom.startEntry(
                        "urn:uuid:" + EntryIds.of("Authorization", a.id()),
                        "Authorization",
                        a.createdAt(),
                        a.updatedAt(),
                        AtomWriter.Link.self(self, ENTRY),
                        AtomWriter.Link.up(uris.resource("Authorization"), FEED)),
                a,
                suspended,
                uris,
                now);
        atom.endEntry();
    }
}
