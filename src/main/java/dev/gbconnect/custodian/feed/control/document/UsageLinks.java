package dev.gbconnect.custodian.feed.control.document;

import dev.gbconnect.custodian.atom.AtomWriter.Link;
import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Row;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of usage entries: self, up and related, each within the entry's {@link Tree}, so every link points at a
 * path the same caller can read.
 */
final class UsageLinks {

    private UsageLinks() {}

    /** A collection's URI; without its parents, the root form's flat collection. */
    static String collection(Tree tree, UsageKind kind, String usagePointId, String meterReadingId) {
        return switch (kind) {
            case USAGE_POINT -> tree.uris().resource(tree.form() + "UsagePoint");
            case INTERVAL_BLOCK ->
                meterReadingId == null
                        ? tree.uris().resource(kind.espiName())
                        : collection(tree, UsageKind.METER_READING, usagePointId, null) + "/" + meterReadingId
                                + "/IntervalBlock";
            case READING_TYPE, LOCAL_TIME_PARAMETERS -> tree.uris().resource(kind.espiName());
            default ->
                usagePointId == null
                        ? tree.uris().resource(kind.espiName())
                        : usagePoint(tree, usagePointId) + "/" + kind.espiName();
        };
    }

    static String self(Tree tree, UsageKind kind, Row r) {
        return collection(tree, kind, r.usagePointId(), r.meterReadingId()) + "/" + r.id();
    }

    /** self, up, and the related links GBA certification looks for. */
    static List<Link> of(Tree tree, UsageKind kind, Row r) {
        List<Link> links = new ArrayList<>();
        String self = self(tree, kind, r);
        links.add(Link.self(self, entry(kind)));
        links.add(Link.up(collection(tree, kind, r.usagePointId(), r.meterReadingId()), feed(kind)));
        switch (kind) {
            case USAGE_POINT -> {
                for (UsageKind child :
                        List.of(UsageKind.METER_READING, UsageKind.USAGE_SUMMARY, UsageKind.POWER_QUALITY_SUMMARY)) {
                    links.add(related(self + "/" + child.espiName(), feed(child)));
                }
                if (r.relatedId() != null) {
                    links.add(related(
                            tree.uris().resource("LocalTimeParameters/" + r.relatedId()),
                            entry(UsageKind.LOCAL_TIME_PARAMETERS)));
                }
            }
            case METER_READING -> {
                links.add(related(self + "/IntervalBlock", feed(UsageKind.INTERVAL_BLOCK)));
                if (r.relatedId() != null)
                    links.add(related(
                            tree.uris().resource("ReadingType/" + r.relatedId()), entry(UsageKind.READING_TYPE)));
            }
            case USAGE_SUMMARY, POWER_QUALITY_SUMMARY ->
                links.add(related(usagePoint(tree, r.usagePointId()), entry(UsageKind.USAGE_POINT)));
            default -> {}
        }
        return links;
    }

    private static String usagePoint(Tree tree, String id) {
        return tree.uris().resource(tree.form() + "UsagePoint/" + id);
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
