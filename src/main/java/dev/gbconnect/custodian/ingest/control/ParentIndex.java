package dev.gbconnect.custodian.ingest.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one parent kind (UsagePoint or MeterReading) in one upload: how their children find them, and the
 * links they name whose targets (ReadingType, LocalTimeParameters) may come later in the file.
 */
final class ParentIndex {

    private final Map<String, String> byLink = new HashMap<>();
    private final Map<String, String> bySelf = new HashMap<>();
    /** Owner id → the links it names, as written in the file. */
    private final Map<String, List<String>> named = new LinkedHashMap<>();

    private String last;

    /** A parent, known by its self link (as normalized by {@link Hrefs}) and every related link it lists. */
    void add(String id, String self, List<String> related) {
        Hrefs.register(byLink, self, id);
        related.forEach(r -> Hrefs.register(byLink, Hrefs.of(r), id));
        named.put(id, new ArrayList<>(related));
        if (self != null) bySelf.put(self, id);
        last = id;
    }

    /** A child's parent: the one its up link names, or whose collection it names, or else the nearest before it. */
    String parentOf(String up) {
        String parent = up == null ? null : byLink.get(up);
        if (parent == null && up != null) parent = byLink.get(Hrefs.withoutLastSegment(up));
        return parent == null ? last : parent;
    }

    /** A new parent of the kind above this one begins: what came before it is no one's parent by position. */
    void forgetLast() {
        last = null;
    }

    String byLink(String href) {
        return byLink.get(href);
    }

    String bySelf(String href) {
        return bySelf.get(href);
    }

    /** Some files point from the child up to its owner instead of from the owner to the child. */
    void alsoNamed(String owner, String rawHref) {
        named.computeIfAbsent(owner, k -> new ArrayList<>()).add(rawHref);
    }

    Map<String, List<String>> named() {
        return named;
    }
}
