package dev.gbconnect.custodian.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The uber-jar's entry point, in front of Payara Micro's own. Payara Micro ends with status 0 when it cannot bind its
 * port (after a stack trace that does not name the port), and keeps running, serving nothing, when the application
 * fails to deploy; systemd and Kubernetes take either for success (issue 18). So: a port that is taken is reported
 * in one line before Payara starts, and once Payara has booted, a JVM whose application has not said that it started
 * ends with status 1. The application names the cause of a failed start in one log line before the stack trace
 * (platform/StartOutcome); it is repeated here, at the end.
 */
public final class Main {

    /** The same status for every failure to start: the cause is in the output, not in a number. */
    static final int FAILED = 1;

    /** Left by the application (platform/StartOutcome), which is loaded apart from this class. */
    static final String FAILURE = "custodian.start-failure", STARTED = "custodian.started";

    /** custodian.log-format=json: this launcher's own lines are JSON records too. */
    private static boolean json;

    private Main() {}

    public static void main(String[] given) throws Exception {
        String[] args = withLogging(given);
        for (Port port : ports(args)) {
            String refused = bindRefused(port.number());
            if (refused != null) {
                fail("cannot listen on port " + port.number() + " (" + refused + "); stop the program that uses it, "
                        + "or choose another port with " + port.option() + " <port>");
            }
        }
        Object boot;
        try {
            boot = Class.forName("fish.payara.micro.boot.PayaraMicroLauncher")
                    .getMethod("create", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException failed) {
            boot = null;
        }
        if (boot == null) fail("Payara Micro did not start; the first SEVERE line above says why");
        if (System.getProperty(STARTED) == null) {
            fail(Optional.ofNullable(System.getProperty(FAILURE))
                    .orElse("the application did not start; the first SEVERE line above says why"));
        }
    }

    /**
     * The jar's logging configuration (src/main/payara/logging.properties) writes Payara's text format without
     * colour. Colour comes back when the output is a terminal, and {@code custodian.log-format=json} (or
     * {@code CUSTODIAN_LOG_FORMAT=json}) writes each record as one JSON object on one line, stack trace included, for
     * log shippers. An operator's own {@code --logproperties} wins over both.
     */
    static String[] withLogging(String[] args) throws IOException {
        String format = Optional.ofNullable(System.getProperty("custodian.log-format"))
                .or(() -> Optional.ofNullable(System.getenv("CUSTODIAN_LOG_FORMAT")))
                .orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            fail("custodian.log-format (environment variable CUSTODIAN_LOG_FORMAT) is '" + format
                    + "'; set it to text or json");
        }
        json = format.equals("json");
        if (Arrays.stream(args).anyMatch("--logproperties"::equalsIgnoreCase) || !(json || System.console() != null)) {
            return args;
        }
        String configuration;
        try (InputStream built = Main.class.getResourceAsStream("/MICRO-INF/domain/logging.properties")) {
            configuration = new String(built.readAllBytes(), StandardCharsets.UTF_8);
        }
        configuration = json
                ? configuration.replace(
                        "formatter=com.sun.enterprise.server.logging.ODLLogFormatter",
                        "formatter=fish.payara.enterprise.server.logging.JSONLogFormatter")
                : configuration.replace("ODLLogFormatter.ansiColor=false", "ODLLogFormatter.ansiColor=true");
        Path file = Files.createTempFile("custodian-logging", ".properties");
        file.toFile().deleteOnExit();
        Files.writeString(file, configuration);
        String[] withFile = Arrays.copyOf(args, args.length + 2);
        withFile[args.length] = "--logproperties";
        withFile[args.length + 1] = file.toString();
        return withFile;
    }

    private static void fail(String cause) {
        String line = "custodian cannot start: " + cause;
        System.err.println(
                json
                        ? "{\"Timestamp\":\"" + Instant.now() + "\",\"Level\":\"SEVERE\",\"LoggerName\":\""
                                + Main.class.getName() + "\",\"LogMessage\":\"" + jsonText(line) + "\"}"
                        : line);
        System.err.flush();
        // Payara's shutdown hook stops whatever did start (listeners, the database) on the way out.
        System.exit(FAILED);
    }

    private static String jsonText(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') escaped.append('\\').appendCodePoint(c);
            else if (c < 0x20) escaped.append(String.format("\\u%04x", c));
            else escaped.appendCodePoint(c);
        });
        return escaped.toString();
    }

    record Port(String option, int number) {}

    /**
     * The ports Payara will bind, as its options give them (case-insensitive, like Payara's): {@code --port}, 8080
     * when not given, and {@code --sslport} when given. With {@code --autobindhttp} Payara looks for a free port
     * itself.
     */
    static List<Port> ports(String[] args) {
        List<Port> ports = new ArrayList<>();
        boolean http = true;
        for (int i = 0; i < args.length; i++) {
            String option = args[i].toLowerCase(Locale.ROOT);
            boolean valued = i + 1 < args.length && args[i + 1].matches("\\d{1,5}");
            switch (option) {
                case "--port" -> {
                    if (valued) ports.add(new Port("--port", Integer.parseInt(args[++i])));
                    http = false;
                }
                case "--sslport" -> {
                    if (valued) ports.add(new Port("--sslport", Integer.parseInt(args[++i])));
                }
                case "--autobindhttp" -> http = false;
                default -> {}
            }
        }
        if (http) ports.add(new Port("--port", 8080));
        return ports;
    }

    /** Why a listener cannot bind the port ("Address already in use"), or null. Payara binds every interface. */
    private static String bindRefused(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return null;
        } catch (IOException refused) {
            return refused.getMessage();
        }
    }
}
