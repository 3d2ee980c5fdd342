package dev.gbconnect.custodian.retail.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.feed.boundary.FeedRequest;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.OutsideRights;
import dev.gbconnect.custodian.retail.control.CustomerInfoDocuments;
import dev.gbconnect.custodian.retail.control.CustomerInfoReach;
import dev.gbconnect.custodian.retail.control.CustomerInfoReaches;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Selection;
import dev.gbconnect.custodian.retail.control.CustomerPath;
import dev.gbconnect.custodian.retail.control.CustomerTree;
import dev.gbconnect.custodian.retail.entity.CustomerKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The customer.xsd resources, in the root form ({@code Customer[/{id}]}, {@code CustomerAccount[/{id}]}, …) and the
 * customer form ({@code RetailCustomer/{rc}/Customer/{c}/CustomerAccount/{a}/…}). The root form is the data
 * custodian's (GBA's API description lists it for that token only); the customer form also answers a customer's
 * token, within what its Authorization shares ({@link CustomerInfoReaches}). A collection answers a feed, an id an
 * entry; collections answer with or without a trailing slash.
 */
@Path("espi/1_1/resource")
@RequestScoped
@RequiresScope({})
@AcceptsTokens(TokenClass.DATA_CUSTODIAN)
@Produces(AtomBody.MEDIA_TYPE)
public class CustomerInfoResource extends CustomerInfoFeeds {

    private static final String KIND = "{kind: " + CustomerKind.NAMES + "}";

    @Inject
    OutsideRights outsideRights;

    @Context
    Request request;

    @GET
    @Path(KIND + "{slash: /?}")
    public Response rootFeed(@PathParam("kind") String kind) {
        return feed(root(), query -> new Selection(kind(kind), null, null, null, null, query));
    }

    @GET
    @Path(KIND + "/{id}")
    public Response rootEntry(@PathParam("kind") String kind, @PathParam("id") String id) {
        return entry(root(), new Selection(kind(kind), null, null, null, id, null), kind + " " + id);
    }

    @GET
    @Path("RetailCustomer/{retailCustomerId}/{path: Customer(?:/.*)?}")
    @AcceptsTokens({TokenClass.CUSTOMER, TokenClass.DATA_CUSTODIAN})
    public Response customerForm(@PathParam("retailCustomerId") String rc, @PathParam("path") String path) {
        CustomerPath p = CustomerPath.parse(path).orElseThrow(() -> ApiException.notFound("resource " + path));
        CustomerTree tree = reaches.customer(caller.get(), rc, EspiUris.of(uri));
        if (p.entry()) return entry(tree, new Selection(p.kind(), rc, null, p.path(), null, null), p.toString());
        String parentId = p.path() == null ? null : parent(tree, rc, p);
        return feed(tree, query -> new Selection(p.kind(), rc, parentId, null, null, query));
    }

    /** The id of a collection's parent; 404 (or the harness's 403) when it is not there for this caller. */
    private String parent(CustomerTree tree, String rc, CustomerPath p) {
        Selection parent = new Selection(p.kind().parent(), rc, null, p.path(), null, null);
        return documents
                .find(tree, parent)
                .orElseThrow(() -> outsideRights.refusal(p.path(), () -> documents.exists(parent)))
                .id();
    }

    private Response entry(CustomerTree tree, Selection s, String what) {
        CustomerInfoDocuments.Entry e =
                documents.entry(tree, s).orElseThrow(() -> outsideRights.refusal(what, () -> documents.exists(s)));
        return FeedRequest.entry(e.body(), e.updated(), request);
    }

    private CustomerTree root() {
        return CustomerTree.root(EspiUris.of(uri), CustomerInfoReach.EVERYTHING);
    }

    private static CustomerKind kind(String name) {
        return CustomerKind.named(name).orElseThrow();
    }
}
