package dev.gbconnect.custodian.feed.control;

import dev.gbconnect.custodian.atom.AtomWriter.Link;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.feed.control.UsageRows.Row;
import java.util.ArrayList;
import java.util.List;

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

    /** A collection's URI; without its parents, the root form's flat collection. */
    public String collection(UsageKind kind, String usagePointId, String meterReadingId) {
        return switch (kind) {
            case USAGE_POINT -> uris.resource(form + "UsagePoint");
            case INTERVAL_BLOCK ->
                meterReadingId == null
                        ? uris.resource(kind.espiName())
                        : collection(UsageKind.METER_READING, usagePointId, null) + "/" + meterReadingId
                                + "/IntervalBlock";
            case READING_TYPE, LOCAL_TIME_PARAMETERS -> uris.resource(kind.espiName());
            default ->
                usagePointId == null
                        ? uris.resource(kind.espiName())
                        : usagePoint(usagePointId) + "/" + kind.espiName();
        };
    }

    String self(UsageKind kind, Row r) {
        return collection(kind, r.usagePointId(), r.meterReadingId()) + "/" + r.id();
    }

    /** self, up, and the related links GBA certification looks for. */
    List<Link> links(UsageKind kind, Row r) {
        List<Link> links = new ArrayList<>();
        String self = self(kind, r);
        links.add(Link.self(self, entry(kind)));
        links.add(Link.up(collection(kind, r.usagePointId(), r.meterReadingId()), feed(kind)));
        switch (kind) {
            case USAGE_POINT -> {
                for (UsageKind child :
                        List.of(UsageKind.METER_READING, UsageKind.USAGE_SUMMARY, UsageKind.POWER_QUALITY_SUMMARY)) {
                    links.add(related(self + "/" + child.espiName(), feed(child)));
                }
                if (r.relatedId() != null) {
                    links.add(related(
                            uris.resource("LocalTimeParameters/" + r.relatedId()),
                            entry(UsageKind.LOCAL_TIME_PARAMETERS)));
                }
            }
            case METER_READING -> {
                links.add(related(self + "/IntervalBlock", feed(UsageKind.INTERVAL_BLOCK)));
                if (r.relatedId() != null)
                    links.add(related(uris.resource("ReadingType/" + r.relatedId()), entry(UsageKind.READING_TYPE)));
            }
            case USAGE_SUMMARY, POWER_QUALITY_SUMMARY ->
                links.add(related(usagePoint(r.usagePointId()), entry(UsageKind.USAGE_POINT)));
            default -> {}
        }
        return links;
    }

    private String usagePoint(String id) {
        return uris.resource(form + "UsagePoint/" + id);
    }

    static String entry(UsageKind kind) {
        return "espi-entry/" + kind.espiName();
    }

    static String feed(UsageKind kind) {
        return "espi-feed/" + kind.espiName();
    }

    private static Link related(String href, String type) {
        return new Link("related", href, type);
    }
}
