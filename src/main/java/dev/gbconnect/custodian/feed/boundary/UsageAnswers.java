package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Selection;
import dev.gbconnect.custodian.feed.control.reach.Reaches;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import dev.gbconnect.custodian.platform.OutsideRights;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * How the usage resources answer, once a resource method has read its path: the caller's reach for the path's form
 * (root, or {@code Subscription/{id}/}), then a streamed feed or a conditional entry. Every refusal is decided before
 * the first byte.
 */
@RequestScoped
public class UsageAnswers {

    @Inject
    Reaches reaches;

    @Inject
    UsageDocuments documents;

    @Inject
    CurrentCaller caller;

    @Inject
    OutsideRights outsideRights;

    Response feed(UriInfo uri, String form, UsageKind kind, String usagePoint, String meterReading) {
        Page page = Page.of(uri);
        Selection s = new Selection(kind, usagePoint, meterReading, null, page.query());
        return Response.ok(AtomBody.stream(documents.feed(tree(uri, form), s, page)))
                .build();
    }

    Response entry(UriInfo uri, Request request, String form, Selection s) {
        // GBA QRY002 (GREEN-BUTTON-CMD.md ER-05): a bad query parameter is a 400 on every GET, an entry's too.
        FeedQuery.parse(uri.getQueryParameters());
        return FeedRequest.entry(
                documents
                        .entry(tree(uri, form), s)
                        .orElseThrow(() ->
                                outsideRights.refusal(s.kind().espiName() + " " + s.id(), () -> documents.exists(s))),
                request);
    }

    private Tree tree(UriInfo uri, String form) {
        if (form.isEmpty()) return reaches.root(caller.get(), EspiUris.of(uri));
        return reaches.subscription(
                caller.get(), form.substring("Subscription/".length(), form.length() - 1), EspiUris.of(uri));
    }
}
