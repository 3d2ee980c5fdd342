package dev.gbconnect.custodian.feed.control.reach;

import dev.gbconnect.custodian.atom.EspiUris;

/**
 * Where a document's entries live and what bounds them: a Subscription ({@code …/Subscription/{id}/UsagePoint/…})
 * or the root form ({@code …/UsagePoint/…}), with the caller's {@link Reach}. Every link an entry carries points
 * at a path the same caller can read.
 */
public record Tree(EspiUris uris, String form, Reach reach) {

    public static Tree root(EspiUris uris, Reach reach) {
        return new Tree(uris, "", reach);
    }

    public static Tree subscription(EspiUris uris, String subscriptionId, Reach reach) {
        return new Tree(uris, "Subscription/" + subscriptionId + "/", reach);
    }
}
