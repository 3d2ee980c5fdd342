package dev.gbconnect.custodian.atom;

import dev.gbconnect.custodian.atom.AtomWriter.Link;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** A feed's own URI (with its query) and the RFC 5005 links to the pages beside it. */
public record Page(String self, FeedQuery query) {

    /** The feed's own URI as the client addressed it (query included), and its query parameters; 400 on a bad one. */
    public static Page of(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        String path = uri.getPath(false);
        String self = PublicUrl.base(uri)
                + (path.startsWith("/") ? path.substring(1) : path)
                + (query == null ? "" : "?" + query);
        return new Page(self, FeedQuery.parse(uri.getQueryParameters()));
    }

    /** self, and {@code next} when {@code more} entries follow this page, {@code previous} after the first. */
    public List<Link> links(String type, boolean more) {
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
