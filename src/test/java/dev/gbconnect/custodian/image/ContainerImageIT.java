package dev.gbconnect.custodian.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OCI image tarball the build writes (ImageBuild): its configuration holds what docs/operations.md promises, and
 * the image, unpacked, serves as its own non-root user with its data on the volume. No container runtime runs where
 * the tests run, so the test does what a runtime does with the image: unpack the layers in order, mount /proc in a
 * mount and process namespace of its own, change root and user, and run the entrypoint with the image's environment.
 */
@OwnServer
class ContainerImageIT {

    private static final Path TARBALL = Path.of("target", "custodian-image.tar");

    private static JsonObject manifest, config;

    @BeforeAll
    static void readImage() throws Exception {
        assertTrue(Files.isRegularFile(TARBALL), "the build writes " + TARBALL + " before the integration tests");
        manifest = json(entry("manifest.json")).asJsonArray().getJsonObject(0);
        config = json(entry(manifest.getString("Config"))).asJsonObject().getJsonObject("config");
    }

    @Test
    void imageWhenReadThenNonRootWithADataVolumeThePortAndTheJarAsEntrypoint() {
        assertEquals("10001:10001", config.getString("User"), "a numeric user, never root");
        assertTrue(config.getJsonObject("Volumes").containsKey("/var/lib/custodian"), config.toString());
        assertTrue(config.getJsonObject("ExposedPorts").containsKey("8080/tcp"), config.toString());
        assertEquals("/var/lib/custodian", config.getString("WorkingDir"));
        assertEquals(
                List.of("/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "-jar", ImageBuild.JAR),
                strings(config.getJsonArray("Entrypoint")),
                "exec form: the JVM is PID 1 and gets SIGTERM");
        assertEquals(
                List.of("--port", "8080", "--rootdir", "/var/lib/custodian/payara"),
                strings(config.getJsonArray("Cmd")),
                "Payara's runtime on the volume; arguments a run can replace");
        assertTrue(
                strings(config.getJsonArray("Env")).contains("CUSTODIAN_DATA_DIR=/var/lib/custodian/data"),
                "Derby's database on the volume: " + config.getJsonArray("Env"));
        assertTrue(
                strings(manifest.getJsonArray("RepoTags")).stream().anyMatch(t -> t.startsWith("custodian:")),
                "podman load names it: " + manifest);
    }

    @Test
    void imageWhenStartedAsItsUserThenServesAndKeepsItsDataOnTheVolume() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name"))
                        && which("chroot") != null
                        && which("unshare") != null
                        && isolates(),
                "starting the image needs root, chroot, and unshare allowed to make mount and process namespaces here"
                        + " (a machine that forbids them, such as an unprivileged container, skips this start)");
        Path root = Files.createDirectories(
                Path.of("target", "image-root-" + UUID.randomUUID()).toAbsolutePath());
        try {
            for (JsonString layer : manifest.getJsonArray("Layers").getValuesAs(JsonString.class))
                unpack(layer.getString(), root);
            assertFalse(Files.exists(root.resolve("bin/sh")), "no shell in the image");
            // A runtime writes the container's host name into /etc/hosts; Payara resolves it at start.
            Files.writeString(
                    root.resolve("etc/hosts"),
                    "127.0.0.1 localhost "
                            + Files.readString(Path.of("/proc/sys/kernel/hostname"))
                                    .strip() + "\n");
            int port = UberJarServer.freePort();
            // The image's PATH holds only its Java: the host's programs are named by their full paths.
            List<String> command = new ArrayList<>(List.of(
                    which("unshare"),
                    "--mount",
                    "--pid",
                    "--fork",
                    "--kill-child",
                    which("sh"),
                    "-c",
                    which("mount") + " -t proc proc \"$0/proc\" && exec " + which("chroot")
                            + " --userspec=10001:10001 \"$0\" \"$@\"",
                    root.toString()));
            command.addAll(strings(config.getJsonArray("Entrypoint")));
            command.addAll(List.of("--port", String.valueOf(port), "--rootdir", "/var/lib/custodian/payara"));
            Map<String, String> environment = new HashMap<>();
            for (String variable : strings(config.getJsonArray("Env"))) {
                String[] pair = variable.split("=", 2);
                environment.put(pair[0], pair[1]);
            }
            // As an operator would with `podman run -e`: a test-sized heap and the quick JIT tier.
            environment.put("JAVA_TOOL_OPTIONS", "-Xmx512m -XX:TieredStopAtLevel=1");
            UberJarServer server = UberJarServer.startCommand(command, root.getParent(), environment, port);
            try {
                assertEquals(200, server.api(null, null).get("health/ready").status(), server.output());
                Path data = root.resolve("var/lib/custodian/data");
                assertTrue(Files.isDirectory(data), "the database on the volume");
                assertEquals(10001, Files.getAttribute(data, "unix:uid"), "written by the image's user, not root");
            } finally {
                server.stop();
            }
        } finally {
            run(List.of("rm", "-rf", root.toString()));
        }
    }

    /**
     * Unpacks one layer as a runtime does, owners and modes as the image says: streamed from the image tarball into a
     * second tar, so a layer of a hundred megabytes is neither held in memory nor copied to a file first.
     */
    private static void unpack(String layer, Path root) throws Exception {
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("tar", "-xOf", TARBALL.toString(), layer)
                        .redirectError(ProcessBuilder.Redirect.INHERIT),
                new ProcessBuilder("tar", "-xz", "-C", root.toString(), "--numeric-owner", "-p")
                        .redirectErrorStream(true)));
        String said = new String(pipeline.get(1).getInputStream().readAllBytes());
        for (Process p : pipeline) assertEquals(0, p.waitFor(), "unpacking " + layer + ": " + said);
    }

    /** One file of the image tarball. */
    private static byte[] entry(String name) throws Exception {
        Process tar = new ProcessBuilder("tar", "-xOf", TARBALL.toString(), name).start();
        byte[] bytes = tar.getInputStream().readAllBytes();
        assertEquals(0, tar.waitFor(), "no " + name + " in " + TARBALL);
        return bytes;
    }

    private static jakarta.json.JsonValue json(byte[] bytes) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            return Json.createReader(in).readValue();
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    /** Whether this machine lets us make the namespaces a runtime would, with a /proc of their own. */
    private static boolean isolates() throws Exception {
        Process p = new ProcessBuilder(which("unshare"), "--mount", "--pid", "--fork", "--mount-proc", "true")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** The full path of a program on this machine's PATH, or null. */
    private static String which(String program) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + program).start();
        String path = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 && path.startsWith("/") ? path : null;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IllegalStateException(command + " failed: " + output);
    }
}
