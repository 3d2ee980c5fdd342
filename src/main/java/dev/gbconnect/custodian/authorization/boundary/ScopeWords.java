package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.platform.CustomerFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scope shares (its function blocks, IntervalDuration, HistoryLength and frequency), in plain words of the
 * customer's language (the consent page, the portal's Connected apps): {@link EspiScope#usageInPlainWords()}, translated
 * through the {@code scope.} texts.
 */
public final class ScopeWords {

    /** Each kind of data a customer recognizes, and the function blocks (ESPI Annex C) that carry it. */
    private static final Map<String, List<Integer>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("electricity", List.of(4, 5, 6));
        KINDS.put("export", List.of(7, 8));
        KINDS.put("gas", List.of(10));
        KINDS.put("water", List.of(11));
        KINDS.put("cost", List.of(12));
        KINDS.put("bills", List.of(15, 16, 17, 27));
        KINDS.put("quality", List.of(18));
    }

    private ScopeWords() {}

    public static List<String> usage(EspiScope scope, CustomerFrame f) {
        List<String> kinds = new ArrayList<>();
        KINDS.forEach((kind, blocks) -> {
            if (blocks.stream().anyMatch(scope.functionBlocks()::contains)) kinds.add(f.text("scope.kind." + kind));
        });
        List<String> words = new ArrayList<>();
        words.add(kinds.isEmpty() ? f.text("scope.kinds.none") : f.text("scope.kinds", String.join(", ", kinds)));
        String interval = scope.terms().get("IntervalDuration");
        if (interval != null) {
            List<String> each = Arrays.stream(interval.split("_"))
                    .map(s -> duration(Long.parseLong(s), f))
                    .toList();
            words.add(f.text("scope.interval", String.join(f.text("scope.interval.or"), each)));
        }
        String history = scope.terms().get("HistoryLength");
        if (history != null) {
            long n = Long.parseLong(history.split("_")[0]);
            words.add(f.text("scope.history", n <= EspiScope.MAX_MONTHS ? f.text("scope.months", n) : duration(n, f)));
        }
        String frequency = scope.terms()
                .getOrDefault("SubscriptionFrequency", scope.terms().get("BlockDuration"));
        if (frequency != null) words.add(f.text("scope.frequency", frequency(frequency, f)));
        return words;
    }

    private static String duration(long seconds, CustomerFrame f) {
        if (seconds % 86_400 == 0) return f.text("scope.days", seconds / 86_400);
        if (seconds % 3600 == 0) return f.text("scope.hours", seconds / 3600);
        if (seconds % 60 == 0) return f.text("scope.minutes", seconds / 60);
        return f.text("scope.seconds", seconds);
    }

    /** ESPI's frequency words (daily, monthly ...) where the texts have them, else as the scope says. */
    private static String frequency(String word, CustomerFrame f) {
        String key = "scope.frequency." + word.toLowerCase(Locale.ROOT);
        return f.has(key) ? f.text(key) : word.toLowerCase(Locale.ROOT);
    }
}
