package dev.gbconnect.custodian.ingest.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One Atom entry of an upload, with its ESPI content already reduced to what we store. */
public record AtomEntry(
        int line,
        int column,
        String atomId,
        String title,
        Instant published,
        Instant updated,
        String self,
        String up,
        List<String> related,
        List<Content> contents) {

    /** What an entry's {@code content} holds. */
    public sealed interface Content permits Described, Block {}

    /**
     * A descriptive ESPI resource (UsagePoint, ReadingType, a summary, …) as its re-serialized XML, plus the leaf
     * values by path ({@code ServiceCategory/kind}) for the columns we query.
     */
    public record Described(String namespace, String element, byte[] xml, Map<String, String> fields)
            implements Content {}

    /** One IntervalBlock element, its readings already packed. */
    public record Block(Long intervalStart, Long intervalDuration, int readingCount, byte[] packed)
            implements Content {}
}
