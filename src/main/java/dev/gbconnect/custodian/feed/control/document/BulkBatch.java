package dev.gbconnect.custodian.feed.control.document;

import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.feed.control.query.UsageKind;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Cursor;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Owned;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Reading;
import dev.gbconnect.custodian.feed.control.query.UsageRows.Row;
import dev.gbconnect.custodian.feed.control.reach.Bulk;
import dev.gbconnect.custodian.feed.control.reach.Tree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The trees of every Subscription of a bulk request ({@code Batch/Bulk}) from one statement per kind for a range of
 * {@link #RANGE} Authorization ids, five cursors streamed side by side and merged, instead of five or more statements
 * per Subscription. The statements select by that range and join the third party's Authorizations of that bulk id,
 * their consented usage points and their active status; each Authorization's own time and intervals are then applied to its rows as they pass, with the same tests
 * as the single-Subscription SQL ({@code Reach}). The trees come out in Authorization id order, each as {@link
 * UsageDocuments#batch} writes one.
 *
 * <p>The cursors are merged without comparing ids in Java, whose order may differ from the database's collation:
 * the Authorizations' order is the bulk's list (read from the database in the same order), a Subscription's usage
 * points and a usage point's MeterReadings are read first from their own cursors, and a row is placed by its parents'
 * positions among those. A row of a parent that is not, or no longer, among them (of an Authorization outside the
 * bulk, or written between the statements) is passed over, so it can never stall the rows after it.
 */
final class BulkBatch {

    /**
     * How many Authorizations' trees one statement per kind reads: their ids' range bounds the statements (and their
     * sorts), so the first bytes follow the first range's statements, not the whole bulk's.
     */
    static final int RANGE = 1_000;

    /** Writes one entry of a tree. */
    @FunctionalInterface
    interface Entry {
        void write(Tree tree, UsageKind kind, Row row) throws Exception;
    }

    private final Reading read;
    private final Bulk bulk;
    private final FeedQuery bounds;
    private final Entry entry;
    /** Each Authorization's place in the bulk's order. */
    private final Map<String, Integer> order = new HashMap<>();
    /** ReadingTypes and LocalTimeParameters already written: each appears once in a document. */
    private final Set<String> shared = new HashSet<>();
    /** Where the writing is: the Authorization, its usage points and the one written, that one's MeterReadings. */
    private int authorization, point, reading;

    private Map<String, Integer> points = Map.of(), readings = Map.of();

    BulkBatch(Reading read, Bulk bulk, FeedQuery bounds, Entry entry) {
        this.read = read;
        this.bulk = bulk;
        this.bounds = bounds;
        this.entry = entry;
        for (Tree t : bulk.trees()) order.put(t.reach().authorizationId(), order.size());
    }

    void write() throws Exception {
        List<Tree> trees = bulk.trees();
        for (int i = 0; i < trees.size(); i += RANGE) {
            List<Tree> range = trees.subList(i, Math.min(trees.size(), i + RANGE));
            range(
                    range.get(0).reach().authorizationId(),
                    range.get(range.size() - 1).reach().authorizationId());
        }
    }

    /** The trees of the Authorizations whose ids lie in {@code [first, last]}, five statements for all of them. */
    private void range(String first, String last) throws Exception {
        try (Cursor ups = read.bulk(UsageKind.USAGE_POINT, bulk, first, last, null);
                Cursor mrs = read.bulk(UsageKind.METER_READING, bulk, first, last, null);
                Cursor blocks = read.bulk(UsageKind.INTERVAL_BLOCK, bulk, first, last, bounds);
                Cursor usage = read.bulk(UsageKind.USAGE_SUMMARY, bulk, first, last, bounds);
                Cursor quality = read.bulk(UsageKind.POWER_QUALITY_SUMMARY, bulk, first, last, bounds)) {
            while (ups.peek() != null) {
                List<Owned> own = group(ups, ups.peek().authorizationId());
                Integer at = order.get(own.get(0).authorizationId());
                if (at == null) continue;
                authorization = at;
                points = positions(own, Row::id);
                Tree tree = bulk.trees().get(at);
                for (Owned up : own) point(tree, up, mrs, blocks, usage, quality);
            }
        }
    }

    /** One usage point's tree: the point, its MeterReadings each with its blocks, its summaries. */
    private void point(Tree tree, Owned up, Cursor mrs, Cursor blocks, Cursor usage, Cursor quality) throws Exception {
        point = points.get(up.row().id());
        entry.write(tree, UsageKind.USAGE_POINT, up.row());
        once(tree, UsageKind.LOCAL_TIME_PARAMETERS, up.shared());
        List<Owned> own = new ArrayList<>();
        for (Owned mr = passOver(mrs, 1); mr != null && place(mr, 1) == 0; mr = mrs.advance()) own.add(mr);
        readings = positions(own, Row::meterReadingId);
        for (Owned mr : own) {
            reading = readings.get(mr.row().meterReadingId());
            boolean kept = tree.reach().readsInterval(mr.intervalLength());
            if (kept) {
                entry.write(tree, UsageKind.METER_READING, mr.row());
                once(tree, UsageKind.READING_TYPE, mr.shared());
            }
            take(blocks, 2, kept, tree, UsageKind.INTERVAL_BLOCK);
        }
        take(usage, 1, true, tree, UsageKind.USAGE_SUMMARY);
        take(quality, 1, true, tree, UsageKind.POWER_QUALITY_SUMMARY);
    }

    private void once(Tree tree, UsageKind kind, Row row) throws Exception {
        if (row != null && shared.add(row.id())) entry.write(tree, kind, row);
    }

    /** Writes (when {@code write}) the cursor's rows of the parent being written, those within the reach's time. */
    private void take(Cursor cursor, int depth, boolean write, Tree tree, UsageKind kind) throws Exception {
        for (Owned row = passOver(cursor, depth); row != null && place(row, depth) == 0; row = cursor.advance()) {
            if (write && tree.reach().overlaps(row.start(), row.duration())) entry.write(tree, kind, row.row());
        }
    }

    /** Moves past the rows whose parent comes before the one being written, or is not to be written at all. */
    private Owned passOver(Cursor cursor, int depth) throws Exception {
        Owned row = cursor.peek();
        while (row != null && place(row, depth) < 0) row = cursor.advance();
        return row;
    }

    /**
     * Where a row stands against the parent being written, {@code depth} levels below the Authorization (1: the
     * usage point, 2: the MeterReading): negative before it (or outside the bulk), 0 of it, positive after it.
     */
    private int place(Owned row, int depth) {
        int c = Integer.compare(order.getOrDefault(row.authorizationId(), -1), authorization);
        if (c != 0) return c;
        c = Integer.compare(points.getOrDefault(row.row().usagePointId(), -1), point);
        if (c != 0 || depth == 1) return c;
        return Integer.compare(readings.getOrDefault(row.row().meterReadingId(), -1), reading);
    }

    /** The cursor's next rows of this Authorization. */
    private static List<Owned> group(Cursor cursor, String authorizationId) throws Exception {
        List<Owned> rows = new ArrayList<>();
        for (Owned row = cursor.peek();
                row != null && row.authorizationId().equals(authorizationId);
                row = cursor.advance()) rows.add(row);
        return rows;
    }

    private static Map<String, Integer> positions(List<Owned> rows, Function<Row, String> id) {
        Map<String, Integer> at = new HashMap<>();
        for (Owned o : rows) at.putIfAbsent(id.apply(o.row()), at.size());
        return at;
    }
}
