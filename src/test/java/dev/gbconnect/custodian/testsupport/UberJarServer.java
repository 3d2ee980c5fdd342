package dev.gbconnect.custodian.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One process of the shipped uber-jar on its own port; its output is kept in a file for assertions. */
public record UberJarServer(Process process, int port, Path log) {

    private static final Duration BOOT = Duration.parse(System.getProperty("it.bootTimeout", "PT3M"));
    private static final Pattern GENERATED = Pattern.compile("client id:\\s+(\\S+)\\s+client secret:\\s+(\\S+)");

    /** Starts the jar in {@code dir} with these JVM options and environment, and waits until it is ready. */
    public static UberJarServer start(Path dir, List<String> jvmOptions, Map<String, String> env) throws Exception {
        return start(dir, jvmOptions, env, List.of());
    }

    /** ... and these Payara Micro options after the jar ({@code --sslport N}). */
    public static UberJarServer start(
            Path dir, List<String> jvmOptions, Map<String, String> env, List<String> payaraOptions) throws Exception {
        return start(dir, jvmOptions, env, freePort(), payaraOptions);
    }

    /** ... on {@code port}, for a test that must name the server's address before it starts (a redirect URI). */
    public static UberJarServer start(
            Path dir, List<String> jvmOptions, Map<String, String> env, int port, List<String> payaraOptions)
            throws Exception {
        UberJarServer server = launch(dir, jvmOptions, env, port, payaraOptions);
        server.awaitReady();
        Api.forgetTokens();
        return server;
    }

    /** What a start that must fail printed, and how it ended. */
    public record Failed(int status, String output, Duration took) {}

    /** Starts the jar on {@code port} and waits for the process to end by itself, as a start that fails must. */
    public static Failed failToStart(Path dir, Map<String, String> env, int port, List<String> payaraOptions)
            throws Exception {
        Instant started = Instant.now();
        UberJarServer server = launch(dir, testJvm(), env, port, payaraOptions);
        if (!server.process.waitFor(BOOT.toSeconds(), TimeUnit.SECONDS)) {
            server.stop();
            throw new IllegalStateException("still running after " + BOOT + ":\n" + server.output());
        }
        return new Failed(server.process.exitValue(), server.output(), Duration.between(started, Instant.now()));
    }

    private static UberJarServer launch(
            Path dir, List<String> jvmOptions, Map<String, String> env, int port, List<String> payaraOptions)
            throws IOException {
        String jar = new File(System.getProperty("it.uberjar", "target/custodian-microbundle.jar")).getAbsolutePath();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.io.tmpdir=" + dir, "-jar", jar, "--port", String.valueOf(port)));
        command.addAll(payaraOptions);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("CUSTODIAN_DATA_DIR", dir.toString());
        environment.putAll(env);
        return launch(command, dir, environment, port);
    }

    /**
     * Runs {@code command} (a server that listens on {@code port}) in {@code dir} with exactly this environment, and
     * waits until it is ready: for a server started some other way than the jar on this JVM (the OCI image).
     */
    public static UberJarServer startCommand(List<String> command, Path dir, Map<String, String> environment, int port)
            throws Exception {
        UberJarServer server = launch(command, dir, environment, port);
        server.awaitReady();
        Api.forgetTokens();
        return server;
    }

    private static UberJarServer launch(List<String> command, Path dir, Map<String, String> environment, int port)
            throws IOException {
        Path log = Files.createTempFile(dir, "server", ".log");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        return new UberJarServer(pb.start(), port, log);
    }

    /** Options for functional tests: a capped heap, and the quick JIT tier only, which boots faster. */
    public static List<String> testJvm() {
        return List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
    }

    /** A port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public URI base() {
        return URI.create("http://localhost:" + port + "/");
    }

    public Api api(String id, String secret) {
        return new Api(base(), id, secret);
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** The admin client a first start prints once, as {@code [id, secret]}; empty when none was printed. */
    public Optional<List<String>> generatedAdminClient() throws IOException {
        Matcher printed = GENERATED.matcher(output());
        return printed.find() ? Optional.of(List.of(printed.group(1), printed.group(2))) : Optional.empty();
    }

    /**
     * Ends the server and whatever it started: a server run through another program (the OCI image's, in its own
     * process namespace) is that program's descendant, and does not end with it.
     */
    public void stop() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        for (ProcessHandle p : descendants) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }

    private void awaitReady() throws Exception {
        Api anonymous = api(null, null);
        Instant deadline = Instant.now().plus(BOOT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("server exited:\n" + output());
            try {
                if (anonymous.get("health/ready").status() == 200) return;
            } catch (RuntimeException notYet) {
                // connection refused while booting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("not ready within " + BOOT + ":\n" + output());
    }
}
