package dev.gbconnect.custodian.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Shared;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every M and P item of GREEN-BUTTON-CMD.md section A (the GBA CMD checklist) has a case in this package named after
 * its id without the dash ({@code OA08_…}), or a line {@code - OA-08: why} in docs/certification.md under
 * {@link #EXEMPT_HEADING} saying why it cannot run here. An item that gains a level, or a case renamed away, fails the
 * build instead of silently leaving certification unproven.
 */
class ConformanceCoverageTest {

    private static final String EXEMPT_HEADING = "## Checks that stay the operator's or cannot run on one machine";
    /** A checklist row: {@code | OA-08 | M | …}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([A-Z]{2})-(\\d{2})\\s*\\|\\s*([^|]*)\\|");
    /** M, P, or a level such as "M/O" or "M (2019) / alt (now)" that includes M. */
    private static final Pattern MANDATORY_OR_PRACTICE = Pattern.compile("\\b[MP]\\b");

    private static final Pattern EXEMPTION = Pattern.compile("^- ([A-Z]{2}-\\d{2}): \\S.*");

    @Test
    void everyMandatoryAndPracticeItemOfSectionAHasACaseOrADocumentedReason() throws Exception {
        List<String> checklist = checklist();
        Set<String> items = checklistItems(checklist, true);
        assertTrue(items.size() > 50, "section A read: " + items);
        Set<String> exempt = exemptions(Files.readAllLines(Path.of("docs", "certification.md")));
        List<String> cases = caseNames();

        Set<String> missing = new TreeSet<>();
        for (String id : items) {
            String prefix = id.replace("-", "");
            boolean tested = cases.stream().anyMatch(name -> name.startsWith(prefix + "_"));
            if (!tested && !exempt.contains(id)) missing.add(id);
        }
        assertEquals(
                Set.of(),
                missing,
                "GREEN-BUTTON-CMD.md section A items (M or P) with neither a test method named after them in "
                        + ConformanceCoverageTest.class.getPackageName() + " nor a line '- XX-NN: reason' under '"
                        + EXEMPT_HEADING + "' in docs/certification.md");

        Set<String> stray = new TreeSet<>(exempt);
        stray.removeAll(checklistItems(checklist, false));
        assertEquals(Set.of(), stray, "docs/certification.md names ids that are not in section A");
    }

    /** The shared checklist sits beside the schemas folder the build already points at. */
    private static List<String> checklist() throws IOException {
        return Files.readAllLines(Shared.schemas().getParent().resolve("conformance/GREEN-BUTTON-CMD.md"));
    }

    /** The ids of section A's rows: those of level M or P only, or all. */
    private static Set<String> checklistItems(List<String> lines, boolean mandatoryOrPracticeOnly) {
        Set<String> ids = new LinkedHashSet<>();
        boolean inA = false;
        for (String line : lines) {
            if (line.startsWith("## ")) inA = line.startsWith("## A.");
            Matcher row = ROW.matcher(line);
            if (inA
                    && row.find()
                    && (!mandatoryOrPracticeOnly
                            || MANDATORY_OR_PRACTICE.matcher(row.group(3)).find()))
                ids.add(row.group(1) + "-" + row.group(2));
        }
        return ids;
    }

    private static Set<String> exemptions(List<String> lines) {
        Set<String> ids = new LinkedHashSet<>();
        boolean under = false;
        for (String line : lines) {
            if (line.startsWith("## ")) under = line.strip().equals(EXEMPT_HEADING);
            Matcher m = EXEMPTION.matcher(line);
            if (under && m.matches()) ids.add(m.group(1));
        }
        return ids;
    }

    /** The test methods of every class compiled into this package. */
    private static List<String> caseNames() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ConformanceCoverageTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String pkg = ConformanceCoverageTest.class.getPackageName();
        List<String> names = new ArrayList<>();
        try (Stream<Path> classes = Files.list(root.resolve(pkg.replace('.', '/')))) {
            for (Path file : classes.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) continue;
                Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Test.class)) names.add(m.getName());
                }
            }
        }
        return names;
    }
}
