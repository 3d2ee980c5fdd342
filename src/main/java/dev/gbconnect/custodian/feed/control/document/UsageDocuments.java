package dev.gbconnect.custodian.feed.control.document;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.AtomWriter;
import dev.gbconnect.custodian.atom.AtomWriter.Link;
import dev.gbconnect.custodian.atom.Bytes;
import dev.gbconnect.custodian.atom.CertificationLink;
import dev.gbconnect.custodian.atom.DocumentRead;
import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Reading;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Row;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Selection;
import dev.gbconnect.custodian.feed.control.reach.Bulk;
import dev.gbconnect.custodian.feed.control.reach.Reach;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import dev.gbconnect.custodian.platform.OutsideRights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * Writes usage data as Green Button Atom: single entries, feeds of one kind, and batches of whole usage point
 * trees. Whatever can fail (a parent out of reach, a bad page) is decided before the first byte; then rows are
 * written as they are read.
 */
@ApplicationScoped
public class UsageDocuments {

    /** A single resource as an entry document, with when it last changed. */
    public record Entry(byte[] body, Instant updated) {}

    @Inject
    UsageRows rows;

    @Inject
    CertificationLink certification;

    @Inject
    OutsideRights outsideRights;

    public Optional<Entry> entry(Tree tree, Selection s) {
        return read(s.kind().espiName() + " " + s.id(), r -> {
            Optional<Row> row = r.one(tree.reach(), s);
            if (row.isEmpty()) return Optional.empty();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtomWriter atom = new AtomWriter(out);
            try (Bytes scratch = Bytes.pooled()) {
                if (!write(atom, tree, s.kind(), row.get(), scratch, certification.links())) return Optional.empty();
            }
            atom.close();
            return Optional.of(new Entry(out.toByteArray(), row.get().updated()));
        });
    }

    public AtomBody feed(Tree tree, Selection s, Page page) {
        boolean more = read(s.kind().espiName(), r -> {
            parentsWithinReach(r, tree, s.usagePointId(), s.meterReadingId());
            return probe(r, tree, s);
        });
        List<Link> links = page.links(UsageLinks.feed(s.kind()), more);
        links.addAll(certification.links());
        return atom -> {
            atom.startFeed(feedId(page), s.kind().espiName(), Instant.now(), links.toArray(Link[]::new));
            try (Reading r = rows.open();
                    Bytes scratch = Bytes.pooled()) {
                r.each(tree.reach(), s, row -> write(atom, tree, s.kind(), row, scratch, List.of()));
            }
        };
    }

    /**
     * Whole usage point trees, in an order a streaming reader can follow: each UsagePoint, its LocalTimeParameters,
     * each MeterReading with its ReadingType and its IntervalBlocks in time order, then its summaries. Paging applies
     * to the usage points of each tree, time bounds to what lies below them. {@code usagePointId} narrows a single
     * tree to one usage point.
     */
    public AtomBody batch(List<Tree> trees, String usagePointId, Page page) {
        FeedQuery query = page.query();
        boolean more = read("a batch", r -> {
            if (usagePointId != null) parentsWithinReach(r, trees.get(0), usagePointId, null);
            return trees.size() == 1
                    && probe(
                            r,
                            trees.get(0),
                            new Selection(UsageKind.USAGE_POINT, null, null, usagePointId, query.pageOnly()));
        });
        List<Link> links = page.links("espi-feed/UsagePoint", more);
        links.addAll(certification.links());
        return atom -> {
            atom.startFeed(feedId(page), "Green Button Data", Instant.now(), links.toArray(Link[]::new));
            try (Reading r = rows.open();
                    Bytes scratch = Bytes.pooled()) {
                trees(r, atom, trees, usagePointId, query, scratch);
            }
        };
    }

    /**
     * A bulk request's trees, as {@link #batch} writes them. Without paging all of them are read together, one
     * statement per kind for the whole bulk ({@link BulkBatch}); a page is read tree by tree.
     */
    public AtomBody bulk(Bulk bulk, Page page) {
        FeedQuery query = page.query();
        if (query.startIndex() != 1 || query.maxResults() != null) return batch(bulk.trees(), null, page);
        List<Link> links = page.links("espi-feed/UsagePoint", false);
        links.addAll(certification.links());
        return atom -> {
            atom.startFeed(feedId(page), "Green Button Data", Instant.now(), links.toArray(Link[]::new));
            try (Reading r = rows.open();
                    Bytes scratch = Bytes.pooled()) {
                new BulkBatch(
                                r,
                                bulk,
                                query.boundsOnly(),
                                (t, kind, row) -> write(atom, t, kind, row, scratch, List.of()))
                        .write();
            }
        };
    }

    private void trees(
            Reading r, AtomWriter atom, List<Tree> trees, String usagePointId, FeedQuery query, Bytes scratch)
            throws Exception {
        Set<String> shared = new HashSet<>();
        for (Tree tree : trees) {
            for (Row up : r.all(
                    tree.reach(), new Selection(UsageKind.USAGE_POINT, null, null, usagePointId, query.pageOnly()))) {
                tree(r, atom, tree, up, query.boundsOnly(), shared, scratch);
            }
        }
    }

    private void tree(
            Reading r, AtomWriter atom, Tree tree, Row up, FeedQuery bounds, Set<String> shared, Bytes scratch)
            throws Exception {
        write(atom, tree, UsageKind.USAGE_POINT, up, scratch, List.of());
        if (up.relatedId() != null && shared.add(up.relatedId())) {
            r.each(
                    tree.reach(),
                    Selection.one(UsageKind.LOCAL_TIME_PARAMETERS, null, null, up.relatedId()),
                    ltp -> write(atom, tree, UsageKind.LOCAL_TIME_PARAMETERS, ltp, scratch, List.of()));
        }
        for (Row mr : r.all(tree.reach(), new Selection(UsageKind.METER_READING, up.id(), null, null, null))) {
            write(atom, tree, UsageKind.METER_READING, mr, scratch, List.of());
            if (mr.relatedId() != null && shared.add(mr.relatedId())) {
                r.each(
                        tree.reach(),
                        Selection.one(UsageKind.READING_TYPE, null, null, mr.relatedId()),
                        rt -> write(atom, tree, UsageKind.READING_TYPE, rt, scratch, List.of()));
            }
            r.each(
                    tree.reach(),
                    new Selection(UsageKind.INTERVAL_BLOCK, up.id(), mr.id(), null, bounds),
                    block -> write(atom, tree, UsageKind.INTERVAL_BLOCK, block, scratch, List.of()));
        }
        for (UsageKind summary : List.of(UsageKind.USAGE_SUMMARY, UsageKind.POWER_QUALITY_SUMMARY)) {
            r.each(
                    tree.reach(),
                    new Selection(summary, up.id(), null, null, bounds),
                    s -> write(atom, tree, summary, s, scratch, List.of()));
        }
    }

    /** A collection below a usage point or MeterReading the caller cannot reach is refused like any id out of reach. */
    private void parentsWithinReach(Reading r, Tree tree, String usagePointId, String meterReadingId) throws Exception {
        Selection parent = meterReadingId != null
                ? Selection.one(UsageKind.METER_READING, usagePointId, null, meterReadingId)
                : usagePointId != null ? Selection.one(UsageKind.USAGE_POINT, null, null, usagePointId) : null;
        if (parent != null && r.one(tree.reach(), parent).isEmpty()) {
            throw outsideRights.refusal(
                    meterReadingId != null
                            ? "MeterReading " + meterReadingId + " of UsagePoint " + usagePointId
                            : "UsagePoint " + usagePointId,
                    () -> exists(r, parent));
        }
    }

    /** Is it there at all, for anyone? Asked only to tell another's id from a missing one (GBA's harness mode). */
    public boolean exists(Selection s) {
        return read(s.kind().espiName() + " " + s.id(), r -> exists(r, s));
    }

    private static boolean exists(Reading r, Selection s) {
        try {
            return r.one(Reach.EVERYTHING, s).isPresent();
        } catch (Exception e) {
            throw new IllegalStateException("looking for " + s.kind().espiName() + " " + s.id() + " failed", e);
        }
    }

    /** Does the feed go on after this page? */
    private static boolean probe(Reading r, Tree tree, Selection s) throws Exception {
        FeedQuery q = s.query();
        if (q == null || q.maxResults() == null) return false;
        return r.one(tree.reach(), new Selection(s.kind(), s.usagePointId(), s.meterReadingId(), s.id(), q.following()))
                .isPresent();
    }

    /** Writes one entry; false when the reach leaves none of a block's readings. */
    private static boolean write(AtomWriter atom, Tree tree, UsageKind kind, Row row, Bytes scratch, List<Link> extra)
            throws XMLStreamException {
        byte[] content = row.payload();
        int length = content.length;
        if (kind == UsageKind.INTERVAL_BLOCK) {
            scratch.clear();
            if (!IntervalBlockXml.write(scratch, row.payload(), tree.reach())) return false;
            content = scratch.array();
            length = scratch.length();
        }
        List<Link> links = UsageLinks.of(tree, kind, row);
        links.addAll(extra);
        atom.storedEntry(
                row.id(), row.title(), row.published(), row.updated(), links.toArray(Link[]::new), content, length);
        return true;
    }

    private static String feedId(Page page) {
        return "urn:uuid:" + EntryIds.of("feed", page.self());
    }

    /** Runs the checks made before a document's first byte ({@link DocumentRead#before}). */
    private <T> T read(String what, DocumentRead.Work<Reading, T> work) {
        return DocumentRead.before(rows::open, what, work);
    }
}
