package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.Shared;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the docs as a reader would paste them (issue 18): every {@code ```sh} block of README.md and docs/*.md, in page
 * order, against one freshly started uber-jar with the demo data. Each page is one bash session, so a variable set by
 * an earlier block is there for the later ones, and no page sees another's. A block that is not meant to run carries
 * {@code <!-- docs-test: skip — reason -->} on the line before its fence.
 *
 * <p>The server listens on a free port and each block's {@code localhost:8080} is rewritten to it: 8080 is often taken
 * on a build machine (another build, another test of a taken port), and a fixed port would make this test fail for
 * reasons outside the docs. The sessions have what a reader of the README has: the printed admin client in
 * {@code ADMIN_ID} and {@code ADMIN_SECRET}. Their {@code curl} fails on an HTTP error answer, as a reader would notice
 * one, and they work in a scratch checkout (links to the docs, the shared folder beside it) with their own home.
 */
@OwnServer
class DocsIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");
    private static final Pattern SKIP = Pattern.compile("^\\s*<!-- docs-test: skip — (.*\\S.*) -->\\s*$");
    private static final String MARK = "@@docs-block ";
    private static final long PAGE_TIMEOUT_SECONDS = 180;

    record Block(int line, String text) {
        String firstLine() {
            return text.lines().findFirst().orElse("");
        }
    }

    @Test
    void everyShellBlockOfTheDocsRunsAsWritten() throws Exception {
        Path run = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "docs-" + UUID.randomUUID())
                .toAbsolutePath();
        Path checkout = Files.createDirectories(run.resolve("checkout"));
        Files.createSymbolicLink(checkout.resolve("docs"), ROOT.resolve("docs"));
        Files.createSymbolicLink(checkout.resolve("README.md"), ROOT.resolve("README.md"));
        Files.createSymbolicLink(
                run.resolve("shared"), Shared.samples().getParent().toAbsolutePath());

        List<Path> pages = pages();
        List<Block> examples = new ArrayList<>();
        UberJarServer server =
                UberJarServer.start(Files.createDirectories(run.resolve("server")), UberJarServer.testJvm(), Map.of());
        List<String> failures = new ArrayList<>();
        try {
            List<String> admin = server.generatedAdminClient().orElseThrow();
            for (Path page : pages) {
                List<Block> blocks = runnableBlocks(page);
                examples.addAll(blocks);
                if (blocks.isEmpty()) continue;
                long started = System.nanoTime();
                String failure = runPage(page, blocks, server.port(), checkout, admin);
                System.out.printf(
                        "docs: %s, %d blocks, %.1f s%n",
                        ROOT.relativize(page), blocks.size(), (System.nanoTime() - started) / 1e9);
                if (failure != null) failures.add(failure);
            }
        } finally {
            server.stop();
        }
        assertEquals(List.of(), failures, String.join("\n\n", failures));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/examples"))) {
            assertEquals(
                    List.of(),
                    files.map(f -> f.getFileName().toString())
                            .filter(name ->
                                    examples.stream().noneMatch(b -> b.text().contains(name)))
                            .toList(),
                    "every example of docs/examples is run by a block of the docs");
        }
    }

    /** README.md first, as a reader starts there; then docs/*.md by name. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The page's {@code sh} blocks without a skip mark, each without its fence's indentation. */
    static List<Block> runnableBlocks(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || open.group(2).isEmpty()) continue;
            int indent = open.group(1).length();
            StringBuilder text = new StringBuilder();
            int end = i + 1;
            for (; end < lines.size() && !FENCE.matcher(lines.get(end)).matches(); end++) {
                String line = lines.get(end);
                text.append(
                                line,
                                Math.min(
                                        indent,
                                        line.length() - line.stripLeading().length()),
                                line.length())
                        .append('\n');
            }
            boolean skipped = i > 0 && SKIP.matcher(lines.get(i - 1)).matches();
            if (lines.get(Math.max(0, i - 1)).contains("docs-test:") && !skipped) {
                throw new AssertionError(page + ":" + i + ": a docs-test mark must read "
                        + "<!-- docs-test: skip — reason --> with a reason");
            }
            if (open.group(2).equals("sh") && !skipped) blocks.add(new Block(i + 1, text.toString()));
            i = end;
        }
        return blocks;
    }

    /** Runs the page's blocks in one bash; answers null, or what failed: the block, its first line, its output. */
    private static String runPage(Path page, List<Block> blocks, int port, Path checkout, List<String> admin)
            throws Exception {
        StringBuilder script =
                new StringBuilder("set -euo pipefail\n").append("curl() { command curl --fail-with-body \"$@\"; }\n");
        for (int b = 0; b < blocks.size(); b++) {
            script.append("printf '\\n").append(MARK).append(b).append("\\n'\n");
            script.append(blocks.get(b).text().replace("localhost:8080", "localhost:" + port));
        }
        String name = ROOT.relativize(page).toString().replace('/', '-');
        Path file = checkout.getParent().resolve(name + ".sh"),
                log = checkout.getParent().resolve(name + ".log");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString())
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("HOME", checkout.toString());
        pb.environment().put("ADMIN_ID", admin.get(0));
        pb.environment().put("ADMIN_SECRET", admin.get(1));
        Process bash = pb.start();
        boolean ended = bash.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) bash.destroyForcibly().waitFor();
        if (ended && bash.exitValue() == 0) return null;
        String output = Files.readString(log);
        int mark = output.lastIndexOf(MARK);
        Block failed = blocks.get(
                mark < 0
                        ? 0
                        : Integer.parseInt(output.substring(mark + MARK.length())
                                .lines()
                                .findFirst()
                                .orElseThrow()));
        String since = mark < 0 ? output : output.substring(output.indexOf('\n', mark) + 1);
        return ROOT.relativize(page) + ":" + failed.line() + " `" + failed.firstLine() + "` "
                + (ended ? "exited with " + bash.exitValue() : "ran over " + PAGE_TIMEOUT_SECONDS + " s") + ":\n"
                + (since.length() > 4000 ? "…" + since.substring(since.length() - 4000) : since);
    }
}
