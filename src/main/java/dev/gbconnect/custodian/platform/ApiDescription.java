package dev.gbconnect.custodian.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The API description: an OpenAPI 3.1 document written by hand ({@code META-INF/openapi.yaml}), at {@code /openapi}
 * in YAML ({@code ?format=JSON} or {@code Accept: application/json} for JSON, as MicroProfile OpenAPI answers) and
 * at {@code /openapi.json}; {@code /api-docs} shows it in Swagger UI, served from its webjar. Written by hand, not
 * generated from annotations: Payara's generator writes OpenAPI 3.0 with the JAX-RS regular expressions as paths and
 * knows nothing of the ESPI payloads or the OAuth flows; its service is off (pre-boot-commands.txt).
 * OpenApiDocumentTest holds the document to every resource method.
 *
 * <p>The pages carry the same headers as every other page ({@link Html}); their scripts are Swagger UI's files and
 * {@code api-docs.js}, all from this server, so the policy allows no inline script.
 */
@WebServlet({"/openapi", "/openapi.json", "/api-docs", "/api-docs.js", "/webjars/swagger-ui/*", "/schemas/*"})
public class ApiDescription extends HttpServlet {

    private static final String YAML_TYPE = "application/yaml";
    private static final String SCHEMAS = "greenbutton.xsd, atom.xsd, espi.xsd, customer.xsd and xml.xsd";
    private static final Pattern SCHEMA = Pattern.compile("/(greenbutton|atom|espi|customer|xml)\\.xsd");

    private String yaml;
    private byte[] json;
    private String swaggerUi;

    @Override
    public void init() throws ServletException {
        yaml = resource("/META-INF/openapi.yaml");
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        json = json(document).toString().getBytes(StandardCharsets.UTF_8);
        Properties webjar = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            webjar.load(in);
        } catch (IOException | NullPointerException missing) {
            throw new ServletException("the swagger-ui webjar is missing from the application", missing);
        }
        swaggerUi = "/webjars/swagger-ui/" + webjar.getProperty("version") + "/";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = request.getServletPath();
        pageHeaders(response);
        switch (path) {
            case "/openapi" -> {
                if ("json".equalsIgnoreCase(request.getParameter("format"))
                        || (request.getParameter("format") == null && prefersJson(request.getHeader("Accept")))) {
                    send(response, "application/json", json);
                } else {
                    send(response, YAML_TYPE + ";charset=UTF-8", yaml.getBytes(StandardCharsets.UTF_8));
                }
            }
            case "/openapi.json" -> send(response, "application/json", json);
            case "/api-docs" -> send(response, "text/html;charset=UTF-8", page().getBytes(StandardCharsets.UTF_8));
            case "/api-docs.js" ->
                send(response, "text/javascript;charset=UTF-8", """
                        window.addEventListener("load", () => {
                          window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#api", deepLinking: true });
                          window.ui.initOAuth({ usePkceWithAuthorizationCodeGrant: true });
                        });
                        """.getBytes(StandardCharsets.UTF_8));
            case "/schemas" -> schema(request.getPathInfo(), response);
            default -> {
                // Swagger UI's own files, from the webjar in WEB-INF/lib, through the container's static files.
                response.setHeader("Cache-Control", "public, max-age=86400");
                getServletContext().getNamedDispatcher("default").forward(request, response);
            }
        }
    }

    /**
     * The XML schemas the Atom payloads are described by (the WAR carries them to validate uploads), so the
     * description's links to them resolve.
     */
    private static void schema(String name, HttpServletResponse response) throws IOException {
        InputStream in = name != null && SCHEMA.matcher(name).matches()
                ? ApiDescription.class.getResourceAsStream("/schemas" + name)
                : null;
        if (in == null) {
            ErrorMappers.write(response, ApiError.NOT_FOUND, "the schemas are " + SCHEMAS);
            return;
        }
        byte[] xsd;
        try (in) {
            xsd = in.readAllBytes();
        }
        response.setHeader("Cache-Control", "public, max-age=86400");
        send(response, "application/xml", xsd);
    }

    private String page() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>API description</title>
                <link rel="stylesheet" href="%1$sswagger-ui.css"></head>
                <body><div id="api"></div>
                <script src="%1$sswagger-ui-bundle.js"></script>
                <script src="/api-docs.js"></script>
                </body></html>
                """.formatted(swaggerUi);
    }

    /**
     * As {@link Html#page}, but Swagger UI's scripts and styles come from this server, its images are inline data,
     * and it fetches the document (and, with "Try it out", the API) from this server only.
     */
    private static void pageHeaders(HttpServletResponse response) {
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                        + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
    }

    private static boolean prefersJson(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("yaml");
    }

    private static void send(HttpServletResponse response, String type, byte[] body) throws IOException {
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String resource(String name) {
        try (InputStream in = ApiDescription.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the application");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML's tree as JSON; keys are written as strings, as JSON and OpenAPI want them. */
    private static JsonValue json(Object node) {
        if (node instanceof Map<?, ?> map) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            map.forEach((k, v) -> o.add(String.valueOf(k), json(v)));
            return o.build();
        }
        if (node instanceof List<?> list) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            list.forEach(v -> a.add(json(v)));
            return a.build();
        }
        if (node instanceof String s) return Json.createValue(s);
        if (node instanceof Boolean b) return b ? JsonValue.TRUE : JsonValue.FALSE;
        if (node instanceof Integer || node instanceof Long) return Json.createValue(((Number) node).longValue());
        if (node instanceof Number n) return Json.createValue(new BigDecimal(n.toString()));
        if (node == null) return JsonValue.NULL;
        throw new IllegalStateException(
                "openapi.yaml holds a " + node.getClass().getSimpleName() + ": quote it");
    }
}
