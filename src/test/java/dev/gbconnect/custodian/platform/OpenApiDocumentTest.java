package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API description (META-INF/openapi.yaml, served at /openapi) against a real OpenAPI 3.1 validator, and against
 * the code: every JAX-RS resource method of the main classes, found by reflection (path template and HTTP method,
 * sub-resource locators followed), is described, and nothing is described that no method or servlet serves. So a
 * resource added, moved or split without its description fails here.
 */
class OpenApiDocumentTest {

    /** Served by servlets (ApiDescription, MetricsAccess) and Payara's health checks, not by JAX-RS. */
    private static final Set<String> SERVLET_PATHS = Set.of(
            "GET /openapi",
            "GET /openapi.json",
            "GET /api-docs",
            "GET /schemas/{name}",
            "GET /metrics",
            "GET /health",
            "GET /health/live",
            "GET /health/ready");

    private static final Pattern PARAMETER =
            Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    @Test
    void documentWhenValidatedThenNoErrorsAndOpenApi31() throws Exception {
        SwaggerParseResult result = parse();
        assertEquals(List.of(), result.getMessages(), "validator messages");
        OpenAPI api = result.getOpenAPI();
        assertEquals("3.1.0", api.getOpenapi());
        assertTrue(api.getComponents()
                                .getSecuritySchemes()
                                .get("oauth2")
                                .getFlows()
                                .getAuthorizationCode()
                        != null
                && api.getComponents()
                                .getSecuritySchemes()
                                .get("oauth2")
                                .getFlows()
                                .getClientCredentials()
                        != null
                && api.getComponents()
                                .getSecuritySchemes()
                                .get("oauth2")
                                .getFlows()
                                .getPassword()
                        != null);
        Map<String, String> ids = new HashMap<>();
        operations(api).forEach((key, operation) -> {
            String id = operation.getOperationId();
            assertTrue(id != null && !id.isBlank(), key + " has no operationId");
            String before = ids.put(id, key);
            assertEquals(null, before, "operationId " + id + " is used twice");
            assertTrue(!operation.getResponses().isEmpty(), key + " lists no responses");
        });
    }

    @Test
    void documentWhenComparedWithResourceMethodsThenEveryMethodDescribedAndNothingElse() throws Exception {
        Map<String, Operation> described = operations(parse().getOpenAPI());
        Map<String, Pattern> describedPatterns = new HashMap<>();
        described.keySet().forEach(key -> describedPatterns.put(key, pathPattern(key)));

        List<String> missing = new ArrayList<>();
        Set<String> served = new TreeSet<>(SERVLET_PATHS);
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() > 50, "found " + endpoints.size() + " resource methods: is the scan working?");
        for (Endpoint e : endpoints) {
            for (String sample : samples(e.template())) {
                String request = e.method() + " " + sample;
                List<String> matches = describedPatterns.entrySet().stream()
                        .filter(d -> d.getValue().matcher(request).matches())
                        .map(Map.Entry::getKey)
                        .toList();
                if (matches.isEmpty()) missing.add(request + "  (" + e.where() + ", " + e.template() + ")");
                served.addAll(matches);
            }
        }
        assertEquals(List.of(), missing, "resource methods the description leaves out");
        Set<String> phantom = new TreeSet<>(described.keySet());
        phantom.removeAll(served);
        assertEquals(Set.of(), phantom, "described, but no resource method or servlet serves it");
    }

    private static SwaggerParseResult parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new OpenAPIParser()
                    .readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options);
        }
    }

    /** "GET /path/{param}" to its operation. */
    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> all = new HashMap<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> o :
                    item.readOperationsMap().entrySet()) all.put(o.getKey() + " " + path, o.getValue());
        });
        return all;
    }

    private static Pattern pathPattern(String key) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{[^}/]+}").matcher(key);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(key.substring(at, m.start()))).append("[^/]+");
            at = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(key.substring(at))).toString());
    }

    record Endpoint(String method, String template, String where) {}

    /** Every resource method of the main classes, with its full path template. */
    private static List<Endpoint> endpoints() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(CustodianApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Endpoint> all = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f :
                    files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                if (c.isAnnotationPresent(Path.class) && !Modifier.isAbstract(c.getModifiers()))
                    collect(c, Routes.join("", c.getAnnotation(Path.class)), all, 0);
            }
        }
        return all;
    }

    private static void collect(Class<?> resource, String base, List<Endpoint> into, int depth) {
        for (Method m : resource.getMethods()) {
            String http = httpMethod(m);
            Path path = m.getAnnotation(Path.class);
            if (http != null) {
                into.add(new Endpoint(http, Routes.join(base, path), resource.getSimpleName() + "." + m.getName()));
            } else if (path != null && depth < 5) {
                collect(m.getReturnType(), Routes.join(base, path), into, depth + 1); // a sub-resource locator
            }
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) return h.value().toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * Concrete paths a template answers, one for each alternative of its parameters' regular expressions: {@code
     * {kind: MeterReading|IntervalBlock}} gives both names, {@code {form: (?:Subscription/[^/]+/)?}} the path
     * without and with the optional part, a plain parameter a sample value.
     */
    static List<String> samples(String template) {
        List<String> paths = List.of("");
        Matcher m = PARAMETER.matcher(template);
        int at = 0;
        while (m.find()) {
            String literal = template.substring(at, m.start());
            List<String> values =
                    m.group(2) == null ? List.of("x1") : alternatives(m.group(2).trim());
            List<String> next = new ArrayList<>();
            for (String p : paths) for (String v : values) next.add(p + literal + v);
            paths = next;
            at = m.end();
        }
        String tail = template.substring(at);
        return paths.stream().map(p -> p + tail).toList();
    }

    private static List<String> alternatives(String regex) {
        // An optional trailing slash answers the same operation, which OpenAPI names once.
        if (regex.equals("/?")) return List.of("");
        Matcher optional = Pattern.compile("(\\w*)\\(\\?:(.*)\\)\\?").matcher(regex);
        if (optional.matches()) {
            List<String> both = new ArrayList<>(List.of(optional.group(1)));
            alternatives(optional.group(2)).forEach(a -> both.add(optional.group(1) + a));
            return both;
        }
        List<String> values = new ArrayList<>();
        for (String alternative : regex.split("\\|")) {
            String value = alternative.replace("[^/]+", "x1").replace(".*", "x1");
            assertTrue(
                    value.matches("[\\w/.-]*"),
                    "cannot list the paths of the regular expression " + regex + "; extend samples()");
            values.add(value);
        }
        return values;
    }
}
