package dev.gbconnect.custodian.retail.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.retail.control.CustomerInfoDocuments;
import dev.gbconnect.custodian.retail.control.CustomerInfoReaches;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Selection;
import dev.gbconnect.custodian.retail.control.CustomerTree;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/**
 * What the customer-information resources share: whom the caller may read ({@link CustomerInfoReaches}) and one page
 * of a customer tree as a streamed Atom feed. A base class rather than a bean: {@code UriInfo} is the request's only
 * in a JAX-RS resource.
 */
abstract class CustomerInfoFeeds {

    @Inject
    CustomerInfoDocuments documents;

    @Inject
    CustomerInfoReaches reaches;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    /** The page the request asks for of what {@code select} picks from {@code tree}, given the page's query. */
    Response feed(CustomerTree tree, Function<FeedQuery, Selection> select) {
        Page page = Page.of(uri);
        return Response.ok(AtomBody.stream(documents.feed(tree, select.apply(page.query()), page)))
                .build();
    }
}
