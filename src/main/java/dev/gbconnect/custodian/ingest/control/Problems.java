package dev.gbconnect.custodian.ingest.control;

import java.util.ArrayList;
import java.util.List;

/** Everything wrong with one upload, as {@code line:column: message}; capped so a broken 2 GB file cannot fill the heap. */
public final class Problems {

    static final int MAX = 100;

    private final List<String> messages = new ArrayList<>();
    private int dropped;

    public void add(int line, int column, String message) {
        if (messages.size() < MAX) {
            messages.add(line + ":" + column + ": " + message);
        } else {
            dropped++;
        }
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public List<String> list() {
        if (dropped == 0) return List.copyOf(messages);
        List<String> all = new ArrayList<>(messages);
        all.add("… and " + dropped + " more problems");
        return all;
    }
}
