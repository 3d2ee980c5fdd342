package dev.gbconnect.custodian.retail.control;

import dev.gbconnect.custodian.atom.AtomBody;
import dev.gbconnect.custodian.atom.AtomWriter;
import dev.gbconnect.custodian.atom.AtomWriter.Link;
import dev.gbconnect.custodian.atom.CertificationLink;
import dev.gbconnect.custodian.atom.DocumentRead;
import dev.gbconnect.custodian.atom.EntryIds;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.atom.Page;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Reading;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Row;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Selection;
import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Served;
import dev.gbconnect.custodian.retail.entity.CustomerKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes customer information as Green Button Atom: single entries, feeds of one kind, and a retail customer's whole
 * tree. What can be refused is decided before the first byte; then rows are written as they are read.
 */
@ApplicationScoped
public class CustomerInfoDocuments {

    /** A single resource as an entry document, with when it last changed. */
    public record Entry(byte[] body, Instant updated) {}

    @Inject
    CustomerInfoRows rows;

    @Inject
    CertificationLink certification;

    public Optional<Row> find(CustomerTree tree, Selection s) {
        return read(s, r -> r.one(tree.reach(), s));
    }

    public Optional<Entry> entry(CustomerTree tree, Selection s) {
        return read(s, r -> {
            Optional<Row> row = r.one(tree.reach(), s);
            if (row.isEmpty()) return Optional.empty();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtomWriter atom = new AtomWriter(out);
            write(r, atom, tree, row.get(), certification.links());
            atom.close();
            return Optional.of(new Entry(out.toByteArray(), row.get().updated()));
        });
    }

    /** A feed of the selected rows; with no kind selected, the customer's whole tree (a batch). */
    public AtomBody feed(CustomerTree tree, Selection s, Page page) {
        boolean more = read(s, r -> more(r, tree, s));
        String type = s.kind() == null ? "cust-feed/Customer" : CustomerTree.feed(s.kind());
        List<Link> links = page.links(type, more);
        links.addAll(certification.links());
        String title =
                s.kind() == null ? "Retail Customer Information" : s.kind().espiName();
        AtomBody entries = entries(tree, s);
        return atom -> {
            atom.startFeed(
                    "urn:uuid:" + EntryIds.of("feed", page.self()), title, Instant.now(), links.toArray(Link[]::new));
            entries.write(atom);
        };
    }

    /** The selected rows as entries of a feed another document started (Download My Data's). */
    public AtomBody entries(CustomerTree tree, Selection s) {
        return atom -> {
            try (Reading r = rows.open()) {
                r.each(tree.reach(), s, row -> write(r, atom, tree, row, List.of()));
            }
        };
    }

    /** Is it there at all, for anyone? Asked only to tell another's id from a missing one (GBA's harness mode). */
    public boolean exists(Selection s) {
        return read(s, r -> r.one(CustomerInfoReach.EVERYTHING, s).isPresent());
    }

    /** Does the feed go on after this page? */
    private static boolean more(Reading r, CustomerTree tree, Selection s) throws Exception {
        FeedQuery q = s.query();
        if (q == null || q.maxResults() == null) return false;
        Selection next = new Selection(s.kind(), s.customerId(), s.parentId(), s.path(), s.id(), q.following());
        return r.one(tree.reach(), next).isPresent();
    }

    private static void write(Reading r, AtomWriter atom, CustomerTree tree, Row row, List<Link> extra)
            throws Exception {
        List<Served> served =
                row.kind() == CustomerKind.SERVICE_LOCATION ? r.served(tree.reach(), row.id()) : List.of();
        List<Link> links = tree.links(
                row,
                served.stream()
                        .filter(Served::reached)
                        .map(Served::usagePointId)
                        .toList());
        links.addAll(extra);
        byte[] content = UnchosenUsagePoints.hide(row.content(), served);
        atom.storedEntry(
                row.id(),
                row.title(),
                row.published(),
                row.updated(),
                links.toArray(Link[]::new),
                content,
                content.length);
    }

    /** Runs the reads made before a document's first byte ({@link DocumentRead#before}). */
    private <T> T read(Selection s, DocumentRead.Work<Reading, T> work) {
        return DocumentRead.before(rows::open, "customer information " + s, work);
    }
}
