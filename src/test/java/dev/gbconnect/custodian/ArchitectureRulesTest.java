package dev.gbconnect.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A test of ArchitectureTest: its rules, run on the fixtures in {@code dev.gbconnect.archfixture}, pass on the clean
 * one and report each deliberate break, naming the classes involved; the size rules, run on sources written here,
 * report what is one line over the limit and nothing at it.
 */
class ArchitectureRulesTest {

    private static final String FIXTURES = "dev.gbconnect.archfixture";

    @Test
    void cleanFixtureKeepsEveryRule() {
        String root = FIXTURES + ".clean";
        JavaClasses classes = classes(root);
        for (ArchRule rule : List.of(
                ArchitectureTest.componentsFreeOfCycles(root),
                ArchitectureTest.packagesFreeOfCycles(root),
                ArchitectureTest.componentMap(root, ArchitectureTest.parse("base ->\ntop -> base")),
                ArchitectureTest.boundaryOnlyFromBoundary(root),
                ArchitectureTest.entitiesStayEntities(root))) {
            EvaluationResult result = rule.evaluate(classes);
            assertFalse(result.hasViolation(), () -> report(result));
        }
    }

    @Test
    void cycleBetweenComponentsFailsEvenWhenTheMapAllowsBothDirections() {
        String root = FIXTURES + ".cycle";
        JavaClasses classes = classes(root);
        assertViolation(ArchitectureTest.componentsFreeOfCycles(root).evaluate(classes), "Left", "Right");
        assertViolation(ArchitectureTest.packagesFreeOfCycles(root).evaluate(classes), "Left", "Right");
        assertFalse(ArchitectureTest.componentMap(root, ArchitectureTest.parse("left -> right\nright -> left"))
                .evaluate(classes)
                .hasViolation());
    }

    @Test
    void boundaryUsedFromControlFails() {
        String root = FIXTURES + ".boundary";
        assertViolation(
                ArchitectureTest.boundaryOnlyFromBoundary(root).evaluate(classes(root)), "Checkout", "ShopResource");
    }

    @Test
    void entityUsingControlFails() {
        String root = FIXTURES + ".boundary";
        assertViolation(ArchitectureTest.entitiesStayEntities(root).evaluate(classes(root)), "Basket", "Checkout");
    }

    @Test
    void reachingIntoAnotherComponentsEntitiesAgainstTheMapFails() {
        String root = FIXTURES + ".entity";
        EvaluationResult result = ArchitectureTest.componentMap(root, ArchitectureTest.parse("customer ->\nbilling ->"))
                .evaluate(classes(root));
        assertViolation(result, "Invoice", "customer.entity.Customer");
        assertFalse(ArchitectureTest.componentMap(root, ArchitectureTest.parse("customer ->\nbilling -> customer"))
                .evaluate(classes(root))
                .hasViolation());
    }

    @Test
    void componentMissingFromTheMapFails() {
        String root = FIXTURES + ".entity";
        assertViolation(
                ArchitectureTest.componentMap(root, ArchitectureTest.parse("customer ->"))
                        .evaluate(classes(root)),
                "Invoice");
    }

    @Test
    void resourceOverTheLimitFails() {
        String big = "@Path(\"big\")\npublic class BigResource {\n" + "    int field;\n".repeat(148) + "}\n";
        String small = "@Path(\"small\")\npublic class SmallResource {\n" + "    int field;\n".repeat(147) + "}\n";
        String notResource = "public class Helper {\n" + "    int field;\n".repeat(200) + "}\n";
        assertEquals(
                List.of("BigResource.java (151 lines)"),
                ArchitectureTest.oversizedResources(
                        List.of(
                                source("BigResource.java", big),
                                source("SmallResource.java", small),
                                source("Helper.java", notResource)),
                        ArchitectureTest.RESOURCE_LINES));
    }

    @Test
    void methodOverTheLimitFailsUnlessItIsAParserLoop() {
        String source = "class Parser {\n"
                + method("long", 29) // 31 lines brace to brace
                + method("short", 28) // 30
                + method("readEntriesLoop", 40)
                + "    /** { a brace in a comment */\n    String text = \"}\";\n"
                + "    static class Inner {\n" + method("nested", 30) + "    }\n"
                + "    Runnable r = new Runnable() {\n" + method("run", 10) + "    };\n"
                + "}\n";
        assertEquals(
                List.of("Parser.java#long (31 lines)", "Parser.java#nested (32 lines)"),
                ArchitectureTest.overlongMethods(
                        List.<String[]>of(source("Parser.java", source)), ArchitectureTest.METHOD_LINES));
    }

    @Test
    void decidingWhoIsTheDataCustodianOutsideCallerFails() {
        String scope = "class Filter {\n    boolean admin(Set<String> s) {\n"
                + "        return s.contains(Scopes.DATA_CUSTODIAN_ADMIN);\n    }\n}\n";
        String kind = "class Check {\n    boolean admin(Client c) {\n"
                + "        return c.kind() == Client.Kind.ADMIN;\n    }\n}\n";
        String declared = "@RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)\nclass Resource {\n"
                + "    Map<Client.Kind, String> m = Map.of(Client.Kind.ADMIN, \"x\");\n}\n";
        String caller = "record Caller() {\n    boolean d(Set<String> s) {\n"
                + "        return s.contains(Scopes.DATA_CUSTODIAN_ADMIN);\n    }\n}\n";
        assertEquals(
                List.of(
                        "Filter.java: contains(Scopes.DATA_CUSTODIAN_ADMIN) (ask Caller: isDataCustodian, mayManage)",
                        "Check.java: == Client.Kind.ADMIN (ask Caller: isDataCustodian, mayManage)"),
                ArchitectureTest.dataCustodianDecisions(List.of(
                        source("Filter.java", scope),
                        source("Check.java", kind),
                        source("Resource.java", declared),
                        source("dev/gbconnect/custodian/authorization/control/Caller.java", caller))));
    }

    private static String method(String name, int statements) {
        return "    @Inject\n    void " + name + "(@Named(value = \"x\") int a) {\n"
                + "        call(() -> { return; });\n".repeat(statements) + "    }\n";
    }

    private static String[] source(String file, String text) {
        return new String[] {file, text};
    }

    private static JavaClasses classes(String root) {
        return new ClassFileImporter().importPackages(root);
    }

    private static void assertViolation(EvaluationResult result, String... named) {
        String report = report(result);
        assertTrue(result.hasViolation(), "expected a violation, got none");
        for (String name : named) assertTrue(report.contains(name), () -> name + " missing from:\n" + report);
    }

    private static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
