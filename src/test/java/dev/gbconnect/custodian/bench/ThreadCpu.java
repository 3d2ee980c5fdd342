package dev.gbconnect.custodian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU each thread of a server (its process and the processes it started: Keycloak runs Java under a shell
 * script) has used, from the kernel's accounting in {@code /proc/<pid>/task/<tid>/stat}; two snapshots give what a
 * round cost, thread by thread.
 */
record ThreadCpu(Map<String, Long> ticks, Map<String, String> names) {

    /** USER_HZ, the unit of the times in /proc/.../stat, is 100 on Linux. */
    private static final double SECONDS_PER_TICK = 0.01;

    static ThreadCpu of(ProcessHandle server) {
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (ProcessHandle p :
                Stream.concat(Stream.of(server), server.descendants()).toList()) {
            Path tasks = Path.of("/proc", String.valueOf(p.pid()), "task");
            try (Stream<Path> list = Files.list(tasks)) {
                for (Path task : list.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                        String id = p.pid() + "/" + task.getFileName();
                        ticks.put(id, ticks(stat));
                        names.put(id, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                    } catch (IOException ended) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (IOException ended) {
                // the process ended
            }
        }
        return new ThreadCpu(ticks, names);
    }

    /**
     * Seconds of CPU the server's processes have used since they started, threads that ended included (a server that
     * starts a thread per task would look cheap in {@link #since}).
     */
    static double processSeconds(ProcessHandle server) {
        long ticks = 0;
        for (ProcessHandle p :
                Stream.concat(Stream.of(server), server.descendants()).toList()) {
            try {
                ticks += ticks(
                        Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"), StandardCharsets.US_ASCII));
            } catch (IOException ended) {
                // the process ended
            }
        }
        return SECONDS_PER_TICK * ticks;
    }

    /**
     * utime + stime of one {@code stat} line: fields 14 and 15, counted after the name (field 2), which is in
     * parentheses and may hold spaces.
     */
    private static long ticks(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    /** What each thread used since {@code before}; threads that ended in between are not counted. */
    ThreadCpu since(ThreadCpu before) {
        Map<String, Long> used = new HashMap<>();
        ticks.forEach((id, t) -> used.put(id, t - before.ticks.getOrDefault(id, 0L)));
        return new ThreadCpu(used, names);
    }

    /** Seconds of CPU of all threads. */
    double seconds() {
        return SECONDS_PER_TICK
                * ticks.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Seconds of CPU of the threads that serve requests, that is all but the JIT compiler's: they still compile in
     * the first minutes and would otherwise dominate, as in the token endpoint's earlier measurements.
     */
    double servingSeconds() {
        return SECONDS_PER_TICK
                * ticks.entrySet().stream()
                        .filter(e -> !names.get(e.getKey()).contains("CompilerThre"))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
    }

    /**
     * The busiest kinds of thread (names without their numbers) over {@code wallSeconds}: cores used by the kind,
     * how many of its threads worked, and the busiest single thread's share of a core, e.g.
     * {@code http-thread-poo 0.82 (8 threads, busiest 0.12)}.
     */
    String busiest(double wallSeconds, int kinds) {
        Map<String, List<Long>> byKind = ticks.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .collect(Collectors.groupingBy(
                        e -> names.get(e.getKey()).replaceAll("[0-9]+", "#"),
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Map.Entry<String, List<Long>>> sorted = new ArrayList<>(byKind.entrySet());
        sorted.sort((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())));
        return sorted.stream()
                .limit(kinds)
                .map(e -> String.format(
                        "%s %.2f (%d threads, busiest %.2f)",
                        e.getKey(),
                        SECONDS_PER_TICK * sum(e.getValue()) / wallSeconds,
                        e.getValue().size(),
                        SECONDS_PER_TICK
                                * e.getValue().stream()
                                        .mapToLong(Long::longValue)
                                        .max()
                                        .orElse(0)
                                / wallSeconds))
                .collect(Collectors.joining("; "));
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
