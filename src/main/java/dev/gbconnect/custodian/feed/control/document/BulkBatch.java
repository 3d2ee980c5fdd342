package dev.gbconnect.custodian.feed.control.document;

import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Cursor;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Owned;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Reading;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Row;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A batch of many Subscriptions' trees (a third party's {@code Batch/Bulk}), read a slice of Authorizations at a
 * time: per slice, one statement per kind for all of its Subscriptions instead of five or more per Subscription, the
 * IntervalBlocks and summaries streamed from cursors open side by side. The statements join the Subscriptions' usage
 * points and their Authorizations' active status (the consent); each Authorization's own time and intervals are then
 * applied to its rows as they pass, with the same tests as the single-Subscription SQL ({@code Reach}). The trees come
 * out a slice at a time, in Authorization order within it, each as {@link UsageDocuments#batch} writes one.
 */
final class BulkBatch {

    /** Writes one entry of a tree. */
    @FunctionalInterface
    interface Entry {
        void write(Tree tree, UsageKind kind, Row row) throws Exception;
    }

    private final Reading read;
    private final Entry entry;
    private final FeedQuery bounds;
    /** ReadingTypes and LocalTimeParameters already written: each appears once in a document. */
    private final Set<String> shared = new HashSet<>();

    BulkBatch(Reading read, FeedQuery bounds, Entry entry) {
        this.read = read;
        this.bounds = bounds;
        this.entry = entry;
    }

    void write(List<Tree> trees) throws Exception {
        for (int i = 0; i < trees.size(); i += UsageRows.SLICE) {
            Map<String, Tree> slice = new HashMap<>();
            for (Tree t : trees.subList(i, Math.min(trees.size(), i + UsageRows.SLICE)))
                slice.put(t.reach().authorizationId(), t);
            slice(slice);
        }
    }

    private void slice(Map<String, Tree> trees) throws Exception {
        List<String> ids = List.copyOf(trees.keySet());
        List<Owned> points = read.allOf(ids, UsageKind.USAGE_POINT);
        Set<String> pointsLeft = new HashSet<>(), readingsLeft = new HashSet<>(), readingTypes = new LinkedHashSet<>();
        for (Owned up : points) pointsLeft.add(point(up));
        Map<String, List<Owned>> readingsOf = new HashMap<>();
        for (Owned mr : read.allOf(ids, UsageKind.METER_READING)) {
            // of a usage point the first statement did not see (shared since): left out with it
            if (!pointsLeft.contains(point(mr))) continue;
            readingsOf.computeIfAbsent(point(mr), k -> new ArrayList<>()).add(mr);
            readingsLeft.add(reading(mr));
            if (kept(trees, mr)
                    && mr.row().relatedId() != null
                    && !shared.contains(mr.row().relatedId()))
                readingTypes.add(mr.row().relatedId());
        }
        Slice slice = new Slice(
                trees,
                readingsOf,
                read.byIds(UsageKind.LOCAL_TIME_PARAMETERS, unwritten(points)),
                read.byIds(UsageKind.READING_TYPE, readingTypes),
                pointsLeft,
                readingsLeft);
        try (Cursor blocks = read.cursorOf(ids, UsageKind.INTERVAL_BLOCK, bounds);
                Cursor usage = read.cursorOf(ids, UsageKind.USAGE_SUMMARY, bounds);
                Cursor quality = read.cursorOf(ids, UsageKind.POWER_QUALITY_SUMMARY, bounds)) {
            for (Owned up : points) point(slice, up, blocks, usage, quality);
        }
    }

    /** The LocalTimeParameters these usage points name that no earlier slice wrote. */
    private Set<String> unwritten(List<Owned> points) {
        Set<String> ids = new LinkedHashSet<>();
        for (Owned up : points)
            if (up.row().relatedId() != null && !shared.contains(up.row().relatedId()))
                ids.add(up.row().relatedId());
        return ids;
    }

    /** A slice's rows in memory, and the parents whose streamed rows are still to come. */
    private record Slice(
            Map<String, Tree> trees,
            Map<String, List<Owned>> readingsOf,
            Map<String, Row> timeParameters,
            Map<String, Row> readingTypes,
            Set<String> pointsLeft,
            Set<String> readingsLeft) {}

    /** One usage point's tree: the point, its MeterReadings each with its blocks, its summaries. */
    private void point(Slice slice, Owned up, Cursor blocks, Cursor usage, Cursor quality) throws Exception {
        Tree tree = slice.trees().get(up.authorizationId());
        entry.write(tree, UsageKind.USAGE_POINT, up.row());
        once(
                tree,
                UsageKind.LOCAL_TIME_PARAMETERS,
                slice.timeParameters().get(up.row().relatedId()));
        for (Owned mr : slice.readingsOf().getOrDefault(point(up), List.of())) {
            boolean kept = kept(slice.trees(), mr);
            if (kept) {
                entry.write(tree, UsageKind.METER_READING, mr.row());
                once(
                        tree,
                        UsageKind.READING_TYPE,
                        slice.readingTypes().get(mr.row().relatedId()));
            }
            slice.readingsLeft().remove(reading(mr));
            take(blocks, reading(mr), slice.readingsLeft(), BulkBatch::reading, kept, tree, UsageKind.INTERVAL_BLOCK);
        }
        slice.pointsLeft().remove(point(up));
        take(usage, point(up), slice.pointsLeft(), BulkBatch::point, true, tree, UsageKind.USAGE_SUMMARY);
        take(quality, point(up), slice.pointsLeft(), BulkBatch::point, true, tree, UsageKind.POWER_QUALITY_SUMMARY);
    }

    private static boolean kept(Map<String, Tree> trees, Owned meterReading) {
        return trees.get(meterReading.authorizationId()).reach().readsInterval(meterReading.intervalLength());
    }

    private void once(Tree tree, UsageKind kind, Row row) throws Exception {
        if (row != null && shared.add(row.id())) entry.write(tree, kind, row);
    }

    /**
     * Writes the cursor's rows of the parent {@code key} (when {@code write}), in the order both statements share.
     * A row of a parent that is neither this one nor still to come (written between the statements) is passed over,
     * so such a row can never stall the rows after it.
     */
    private void take(
            Cursor cursor,
            String key,
            Set<String> left,
            Function<Owned, String> parent,
            boolean write,
            Tree tree,
            UsageKind kind)
            throws Exception {
        for (Owned row = cursor.peek(); row != null; row = cursor.advance()) {
            String of = parent.apply(row);
            if (!of.equals(key) && left.contains(of)) return;
            if (of.equals(key) && write && tree.reach().overlaps(row.start(), row.duration()))
                entry.write(tree, kind, row.row());
        }
    }

    private static String point(Owned o) {
        return o.authorizationId() + "/" + o.row().usagePointId();
    }

    private static String reading(Owned o) {
        return point(o) + "/" + o.row().meterReadingId();
    }
}
