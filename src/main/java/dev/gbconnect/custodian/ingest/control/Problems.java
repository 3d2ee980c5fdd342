package dev.gbconnect.custodian.ingest.control;

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
