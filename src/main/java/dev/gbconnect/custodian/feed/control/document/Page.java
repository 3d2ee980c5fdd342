package dev.gbconnect.custodian.feed.control.document;

import dev.gbconnect.custodian.atom.AtomWriter.Link;
import dev.gbconnect.custodian.feed.control.query.FeedQuery;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;

/** A feed's own URI (with its query) and the RFC 5005 links to the pages beside it. */
public record Page(String self, FeedQuery query) {

    List<Link> links(String type, boolean more) {
        List<Link> links = new ArrayList<>();
        links.add(Link.self(self, type));
        Long size = query.maxResults();
        if (size == null) return links;
        if (more) links.add(new Link("next", at(query.startIndex() + size, size), type));
        if (query.startIndex() > 1)
            links.add(new Link("previous", at(Math.max(1, query.startIndex() - size), size), type));
        return links;
    }

    private String at(long startIndex, long size) {
        return UriBuilder.fromUri(self)
                .replaceQueryParam("depth")
                .replaceQueryParam("start-index", startIndex)
                .replaceQueryParam("max-results", size)
                .build()
                .toString();
    }
}
