package dev.gbconnect.custodian.authorization.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An ESPI scope string ({@code FB=1_3_4_5_13;IntervalDuration=900;BlockDuration=monthly;HistoryLength=13}) read
 * into what it asks for, so the consent page can say it in plain words and the server can bound the data.
 */
public record EspiScope(String text, SortedSet<Integer> functionBlocks, Map<String, String> terms) {

    /** HistoryLength values up to this are months (GBA's examples say 13); larger ones are seconds, as REQ.21 counts. */
    public static final long MAX_MONTHS = 1200;

    /** FB_53, Retail Customer Connect My Data. */
    private static final int RETAIL_CUSTOMER_CONNECT_MY_DATA = 53;

    public static EspiScope parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("an ESPI scope is empty");
        if (text.length() > 256) throw new IllegalArgumentException("an ESPI scope is at most 256 characters");
        Map<String, String> terms = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("ESPI scope term '" + part.trim() + "' is not name=value");
            if (terms.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException(
                        "ESPI scope term " + part.substring(0, eq).trim() + " appears twice");
            }
        }
        String fb = terms.get("FB");
        if (fb == null || !fb.matches("\\d{1,3}(_\\d{1,3})*")) {
            throw new IllegalArgumentException(
                    "an ESPI scope starts with FB= and function block numbers joined by _, e.g. FB=1_3_4_5_13");
        }
        SortedSet<Integer> blocks = new TreeSet<>();
        for (String n : fb.split("_")) blocks.add(Integer.parseInt(n));
        for (String numeric : List.of("IntervalDuration", "HistoryLength", "BR", "AccountCollection")) {
            String v = terms.get(numeric);
            if (v != null && !v.matches("\\d{1,12}(_\\d{1,12})*"))
                throw new IllegalArgumentException("ESPI scope term " + numeric + " must be a number, not '" + v + "'");
        }
        return new EspiScope(text, blocks, terms);
    }

    /**
     * Are these the same scope? espi.xsd's own example ends in {@code ;}, so a third party may register a scope with
     * a trailing {@code ;} and ask without it, or the other way round (GREEN-BUTTON-CMD.md OA-17).
     */
    public static boolean same(String a, String b) {
        return a != null && b != null && trimmed(a).equals(trimmed(b));
    }

    private static String trimmed(String scope) {
        String s = scope.strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }

    /** Is this one of the scopes a third party may ask for, rather than an admin scope? */
    public static boolean looksLikeEspi(String text) {
        return text != null && text.startsWith("FB=");
    }

    /** The oldest data this scope lets a third party read, counted back from {@code now}; null when unbounded. */
    public Instant historyStart(Instant now) {
        String v = terms.get("HistoryLength");
        if (v == null) return null;
        long n = Long.parseLong(v.split("_")[0]);
        return n <= MAX_MONTHS ? now.atOffset(ZoneOffset.UTC).minusMonths(n).toInstant() : now.minusSeconds(n);
    }

    /** The reading intervals (seconds) of {@code IntervalDuration}; empty when the scope names none. */
    public List<Long> intervals() {
        String v = terms.get("IntervalDuration");
        return v == null
                ? List.of()
                : Arrays.stream(v.split("_")).map(Long::valueOf).toList();
    }

    /**
     * Does this scope share the customer's personal information (customer.xsd: names, addresses, accounts, meters)?
     * GREEN-BUTTON-CMD.md section B: the retail-customer track is FB_51 and up, and its Connect My Data block FB_53
     * is the one that lets a third party follow {@code customerResourceURI}. A customer who leaves personal
     * information out at consent gets a granted scope without it.
     */
    public boolean grantsCustomerInformation() {
        return functionBlocks.contains(RETAIL_CUSTOMER_CONNECT_MY_DATA);
    }

    /** Bulk request id ({@code BR=}), or null. */
    public String bulkId() {
        return terms.get("BR");
    }

    /** The usage data alone, in plain words: the consent page asks about personal information apart. */
    public List<String> usageInPlainWords() {
        List<String> words = new ArrayList<>();
        List<String> data = usageKinds();
        words.add(data.isEmpty() ? "Your usage information." : "Your " + String.join(", ", data) + ".");
        String interval = terms.get("IntervalDuration");
        if (interval != null) {
            words.add("Readings every "
                    + String.join(
                            " or every ",
                            Arrays.stream(interval.split("_"))
                                    .map(s -> duration(Long.parseLong(s)))
                                    .toList())
                    + ".");
        }
        String history = terms.get("HistoryLength");
        if (history != null) words.add("Past data going back " + history(Long.parseLong(history.split("_")[0])) + ".");
        String frequency = terms.getOrDefault("SubscriptionFrequency", terms.get("BlockDuration"));
        if (frequency != null) words.add("New data sent " + frequency.toLowerCase() + " while the connection lasts.");
        return words;
    }

    /**
     * The same scope with the retail-customer blocks left out, as the customer grants it who keeps personal
     * information back; empty when nothing would be left (a scope asking for personal information only).
     */
    public Optional<EspiScope> withoutCustomerInformation() {
        List<String> kept = functionBlocks.stream()
                .filter(b -> !retailCustomerBlock(b))
                .map(String::valueOf)
                .toList();
        if (kept.size() == functionBlocks.size()) return Optional.of(this);
        if (kept.isEmpty()) return Optional.empty();
        StringBuilder text = new StringBuilder("FB=").append(String.join("_", kept));
        terms.forEach((name, value) -> {
            if (!name.equals("FB")) text.append(';').append(name).append('=').append(value);
        });
        return Optional.of(parse(text.toString()));
    }

    /** GREEN-BUTTON-CMD.md section B: FB_51 to FB_70, and the historical FB_46 to FB_50, are personal information. */
    private static boolean retailCustomerBlock(int block) {
        return block >= 46 && block <= 70;
    }

    private List<String> usageKinds() {
        List<String> data = new ArrayList<>();
        if (any(4, 5, 6)) data.add("electricity use");
        if (any(7, 8)) data.add("electricity you send back to the grid");
        if (any(10)) data.add("gas use");
        if (any(11)) data.add("water use");
        if (any(12)) data.add("the cost of each reading");
        if (any(15, 16, 17, 27)) data.add("your bill summaries");
        if (any(18)) data.add("power quality measurements");
        return data;
    }

    private static String history(long n) {
        return n <= MAX_MONTHS ? n + (n == 1 ? " month" : " months") : duration(n);
    }

    private boolean any(int... blocks) {
        for (int b : blocks) if (functionBlocks.contains(b)) return true;
        return false;
    }

    private static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (seconds % 86_400 == 0 && seconds >= 86_400 * 2) return d.toDays() + " days";
        if (seconds == 86_400) return "day";
        if (seconds % 3600 == 0) return seconds == 3600 ? "hour" : d.toHours() + " hours";
        if (seconds % 60 == 0) return d.toMinutes() + " minutes";
        return seconds + " seconds";
    }
}
