package dev.gbconnect.custodian.ingest.control;

import dev.gbconnect.custodian.usage.entity.UsageResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with one upload, as {@code line:column: message}; capped so a broken 2 GB file cannot fill the
 * heap. The reading thread and the writing thread of an upload both add to it.
 */
public final class Problems {

    static final int MAX = 100;

    private final List<String> messages = new ArrayList<>();
    private int dropped;

    public synchronized void add(int line, int column, String message) {
        if (messages.size() < MAX) {
            messages.add(line + ":" + column + ": " + message);
        } else {
            dropped++;
        }
    }

    /** A problem of this entry, placed at its start tag. */
    public void add(AtomEntry entry, String message) {
        add(entry.line(), entry.column(), message);
    }

    /**
     * Adds a problem for each of the entry's title, id and self link that is longer than the column that keeps it,
     * and answers whether there was one (then the entry cannot be stored).
     */
    public boolean overflowsColumns(AtomEntry entry) {
        return overflows(entry, "title", entry.title(), UsageResource.TITLE_LENGTH)
                | overflows(entry, "id", entry.atomId(), UsageResource.SOURCE_ID_LENGTH)
                | overflows(entry, "self link", entry.self(), UsageResource.SOURCE_HREF_LENGTH);
    }

    private boolean overflows(AtomEntry entry, String what, String value, int max) {
        if (value == null || value.length() <= max) return false;
        add(entry, "the entry's " + what + " has " + value.length() + " characters; at most " + max + " are stored");
        return true;
    }

    public synchronized boolean any() {
        return !messages.isEmpty();
    }

    public synchronized List<String> list() {
        return List.copyOf(messages);
    }

    /** How many problems there were, including those past the cap. */
    public synchronized int total() {
        return messages.size() + dropped;
    }
}
