package dev.gbconnect.custodian.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak (the keycloak-quarkus-dist the pom unpacks to {@code it.keycloak}) in development mode on
 * 127.0.0.1, with an in-memory database and a realm imported at start from src/test/resources/keycloak, its
 * {@code @NAME@} placeholders replaced. Started and stopped by its process; its output is kept in a file.
 */
public record Keycloak(Process process, int port, Path log) {

    private static final Duration BOOT = Duration.parse(System.getProperty("it.bootTimeout", "PT3M"));

    /**
     * Starts Keycloak with the realm of {@code realmFile} (Keycloak wants it named {@code <realm>-realm.json}) and
     * returns at once: {@link #awaitRealm} waits for it.
     */
    public static Keycloak launch(Path dir, String realmFile, Map<String, String> placeholders) throws IOException {
        return launch(dir, realmFile, placeholders, List.of());
    }

    /**
     * The same with more of kc.sh's options, e.g. {@code --hostname=http://127.0.0.1:PORT} for a Keycloak behind a
     * proxy: it then names that address as its issuer and in every URL it gives out.
     */
    public static Keycloak launch(Path dir, String realmFile, Map<String, String> placeholders, List<String> options)
            throws IOException {
        // A small heap is plenty for a few sign-ins, and the quick JIT tier boots faster: it leaves the machine to the
        // tests.
        return launch(
                dir,
                realmFile,
                placeholders,
                options,
                Map.of("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m", "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1"));
    }

    /**
     * As {@link #launch(Path, String, Map, List)}, with {@code java} the environment variables kc.sh takes its JVM
     * options from ({@code JAVA_OPTS_KC_HEAP}, {@code JAVA_OPTS_APPEND}).
     */
    public static Keycloak launch(
            Path dir,
            String realmFile,
            Map<String, String> placeholders,
            List<String> options,
            Map<String, String> java)
            throws IOException {
        Path home = Path.of(System.getProperty("it.keycloak", "target/keycloak/keycloak-26.7.3"))
                .toAbsolutePath();
        String realm;
        try (InputStream in = Keycloak.class.getResourceAsStream("/keycloak/" + realmFile)) {
            realm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var p : placeholders.entrySet()) realm = realm.replace("@" + p.getKey() + "@", p.getValue());
        // --import-realm reads <home>/data/import; with the in-memory database it imports afresh at every start.
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve(realmFile), realm);
        int port = UberJarServer.freePort();
        Path log = Files.createTempFile(dir, "keycloak", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + UberJarServer.freePort(),
                "--db=dev-mem",
                "--import-realm"));
        command.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(java);
        return new Keycloak(pb.start(), port, log);
    }

    /** The realm's issuer URL, as its ID tokens name it. */
    public String issuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    /** Waits until the realm's discovery document answers. */
    public void awaitRealm(String realm) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer(realm) + "/.well-known/openid-configuration"))
                .build();
        Instant deadline = Instant.now().plus(BOOT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("Keycloak exited:\n" + output());
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // connection refused while booting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak not ready within " + BOOT + ":\n" + output());
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** kc.sh runs Java as its child: end both. */
    public void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
