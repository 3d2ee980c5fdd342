package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.feed.control.document.UsageDocuments;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * What the feed resources share: batches, and conditional answers for single entries (the customer information
 * resources too).
 */
public final class FeedRequest {

    private FeedRequest() {}

    /** A batch of these trees as a streamed answer, paged and bounded by the request's query. */
    static Response batch(UsageDocuments documents, List<Tree> trees, String usagePointId, UriInfo uri) {
        return Response.ok(AtomBody.stream(documents.batch(trees, usagePointId, Page.of(uri))))
                .build();
    }

    /**
     * An entry with an ETag (a digest of its bytes) and Last-Modified (its Atom updated time): a client that sends
     * either back gets 304 while the resource is unchanged.
     */
    static Response entry(UsageDocuments.Entry e, Request request) {
        return entry(e.body(), e.updated(), request);
    }

    /** An entry document's answer: its ETag and Last-Modified ({@code updated}, may be null), or 304. */
    public static Response entry(byte[] body, Instant updated, Request request) {
        EntityTag tag = new EntityTag(digest(body));
        Date modified = updated == null ? null : Date.from(updated);
        Response.ResponseBuilder unchanged =
                modified == null ? request.evaluatePreconditions(tag) : request.evaluatePreconditions(modified, tag);
        if (unchanged != null) return unchanged.tag(tag).lastModified(modified).build();
        return Response.ok(body).tag(tag).lastModified(modified).build();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(
                            Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(body), 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
