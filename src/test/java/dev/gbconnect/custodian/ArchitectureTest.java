package dev.gbconnect.custodian;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The component map (docs/design.md opens with the same table) and the rules that hold the code to it. A business
 * component is a package right below {@code dev.gbconnect.custodian}; inside it, {@code boundary} is what the outside
 * calls, {@code control} the logic, {@code entity} the persistent types. ArchitectureRulesTest shows each rule failing
 * on a small fixture that breaks it.
 */
class ArchitectureTest {

    static final String ROOT = "dev.gbconnect.custodian";

    /**
     * Who may use whom: each component, then every component it may depend on (not transitively: a row lists them
     * all). Read bottom-up, it is the order a new reader can learn the code in. A dependency not listed here fails
     * the build; add it here (and to docs/design.md) only if it points down.
     */
    static final String MAP = """
            platform      ->
            atom          -> platform
            audit         -> platform
            authorization -> atom, platform
            customer      -> authorization, atom, platform
            usage         -> customer, authorization, platform
            oauth         -> usage, customer, authorization, atom, platform
            feed          -> usage, customer, authorization, atom, platform
            retail        -> feed, usage, customer, authorization, atom, platform
            ingest        -> retail, usage, customer, authorization, atom, platform
            notification  -> ingest, customer, authorization, atom, platform
            consent       -> oauth, usage, customer, authorization, platform
            portal        -> retail, feed, usage, customer, authorization, atom, platform
            status        -> authorization, atom, platform
            demo          -> ingest, customer, atom, platform
            console       -> audit, notification, usage, customer, authorization, platform
            """;

    /** STYLE.md habit 2, thin resources: a JAX-RS resource class (any with @Path or a request method) at most this. */
    static final int RESOURCE_LINES = 150;

    /** A method's body, brace to brace, at most this; a parser loop named as such ({@code ...Loop}) is exempt. */
    static final int METHOD_LINES = 30;

    /**
     * Issue 15 item 4, who may do what in one place: "is this the data custodian?" is a membership test of
     * DataCustodian_Admin_Access or a comparison with the admin client's kind. Only {@code Caller} makes it; the
     * {@code Client} entity compares its own kind for how it may authenticate (an entity cannot reach Caller).
     */
    static final Pattern DATA_CUSTODIAN_DECISION = Pattern.compile(
            "contains\\(Scopes\\.DATA_CUSTODIAN_ADMIN\\)|[=!]=\\s*(Client\\.)?Kind\\.ADMIN\\b|(Client\\.)?Kind\\.ADMIN\\s*[=!]=");

    static final Set<String> DECIDE_DATA_CUSTODIAN = Set.of(
            "dev/gbconnect/custodian/authorization/control/Caller.java",
            "dev/gbconnect/custodian/authorization/entity/Client.java");

    static final Path MAIN_SOURCES = Path.of("src/main/java");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void componentsFormNoCycle() {
        componentsFreeOfCycles(ROOT).check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        packagesFreeOfCycles(ROOT).check(classes);
    }

    @Test
    void componentsUseOnlyWhatTheMapAllows() {
        componentMap(ROOT, parse(MAP)).check(classes);
    }

    @Test
    void boundaryIsNotUsedFromControlOrEntityCode() {
        boundaryOnlyFromBoundary(ROOT).check(classes);
    }

    @Test
    void entitiesUseNoControlOrBoundaryCode() {
        entitiesStayEntities(ROOT).check(classes);
    }

    @Test
    void resourcesAreThin() {
        assertEquals(List.of(), oversizedResources(SourceScan.sources(MAIN_SOURCES), RESOURCE_LINES));
    }

    @Test
    void methodsAreShort() {
        assertEquals(
                List.of(),
                overlongMethods(SourceScan.sources(MAIN_SOURCES), METHOD_LINES),
                "methods over " + METHOD_LINES + " lines: split them (a parser loop may keep its length if its name"
                        + " ends in Loop)");
    }

    @Test
    void onlyCallerDecidesWhoIsTheDataCustodian() {
        assertEquals(List.of(), dataCustodianDecisions(SourceScan.sources(MAIN_SOURCES)));
    }

    /** Each place outside {@link #DECIDE_DATA_CUSTODIAN} that decides whether a caller is the data custodian. */
    static List<String> dataCustodianDecisions(List<String[]> sources) {
        List<String> found = new ArrayList<>();
        for (String[] s : sources) {
            if (DECIDE_DATA_CUSTODIAN.contains(s[0])) continue;
            Matcher m = DATA_CUSTODIAN_DECISION.matcher(s[1]);
            while (m.find()) found.add(s[0] + ": " + m.group() + " (ask Caller: isDataCustodian, mayManage)");
        }
        return found;
    }

    /** Each resource source over {@code max} lines, as "path (lines)". */
    static List<String> oversizedResources(List<String[]> sources, int max) {
        return sources.stream()
                .filter(s -> SourceScan.isResource(s[1]) && SourceScan.lines(s[1]) > max)
                .map(s -> s[0] + " (" + SourceScan.lines(s[1]) + " lines)")
                .toList();
    }

    /** Each method over {@code max} lines, as "path#name (lines)", parser loops named as such excepted. */
    static List<String> overlongMethods(List<String[]> sources, int max) {
        return sources.stream()
                .flatMap(s -> SourceScan.methods(s[0], s[1]).stream())
                .filter(m -> m.lines() > max && !m.name().endsWith("Loop"))
                .map(m -> m.key() + " (" + m.lines() + " lines)")
                .toList();
    }

    @Test
    void designDocumentShowsTheSameMap() throws IOException {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/design.md"))) {
            if (!line.startsWith("| `")) continue;
            String[] cells = line.split("\\|");
            Set<String> used = new LinkedHashSet<>();
            Matcher names = Pattern.compile("`([a-z]+)`").matcher(cells[3]);
            while (names.find()) used.add(names.group(1));
            documented.put(cells[1].strip().replace("`", ""), used);
        }
        Map<String, Set<String>> tested = new LinkedHashMap<>();
        parse(MAP).forEach((component, used) -> tested.put(component, new LinkedHashSet<>(used)));
        assertEquals(tested, documented, "docs/design.md's component map differs from ArchitectureTest.MAP");
    }

    /** The map as component -> the components it may use, in the order written. */
    static Map<String, List<String>> parse(String map) {
        Map<String, List<String>> uses = new LinkedHashMap<>();
        for (String line : map.strip().split("\n")) {
            String[] sides = line.split("->", -1);
            String[] used = sides[1].strip().isEmpty() ? new String[0] : sides[1].split(",");
            uses.put(sides[0].strip(), Arrays.stream(used).map(String::strip).toList());
        }
        return uses;
    }

    static ArchRule componentsFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("component $1")
                .should()
                .beFreeOfCycles()
                .because("dependencies between business components point one way (docs/design.md)");
    }

    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(**)")
                .namingSlices("package $1")
                .should()
                .beFreeOfCycles()
                .because("within a component too, dependencies point one way");
    }

    /**
     * Every class lies in a component of the map, and depends only on its own component and those its row lists;
     * this covers reaching into another component's entities against the map's direction.
     */
    static ArchRule componentMap(String root, Map<String, List<String>> uses) {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String component : uses.keySet()) {
            rule = rule.layer(component).definedBy(root + "." + component + "..");
        }
        for (Map.Entry<String, List<String>> row : uses.entrySet()) {
            rule = row.getValue().isEmpty()
                    ? rule.whereLayer(row.getKey()).mayNotAccessAnyLayer()
                    : rule.whereLayer(row.getKey())
                            .mayOnlyAccessLayers(row.getValue().toArray(String[]::new));
        }
        // package-info classes carry only documentation, the root package's included.
        return rule.ensureAllClassesAreContainedInArchitectureIgnoring(simpleName("package-info"))
                .because("the component map in ArchitectureTest.MAP (and docs/design.md) is the allowed graph");
    }

    static ArchRule boundaryOnlyFromBoundary(String root) {
        return noClasses()
                .that()
                .resideInAnyPackage(root + "..control..", root + "..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + "..boundary..")
                .because("boundary code is the edge: resources and filters call controls, never the other way");
    }

    static ArchRule entitiesStayEntities(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + "..control..", root + "..boundary..")
                .because("entities are the bottom of their component: persistent state with its invariants");
    }
}
