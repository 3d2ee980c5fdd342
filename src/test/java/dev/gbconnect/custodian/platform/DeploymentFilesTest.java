package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deployment files in deploy/ hold what docs/operations.md promises of them, and systemd accepts them. */
class DeploymentFilesTest {

    private static final Path UNIT = Path.of("deploy", "custodian.service");
    private static final Path CONTAINERFILE = Path.of("deploy", "Containerfile");

    @Test
    void systemdUnitWhenReadThenNonRootWithItsDataDirectoryAndRestartedOnFailure() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);

        assertTrue(lines.contains("DynamicUser=yes"), "a user of its own, never root");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("User=root")), "never root");
        assertTrue(lines.contains("StateDirectory=custodian"), "systemd makes /var/lib/custodian, owned by that user");
        assertTrue(lines.contains("Environment=CUSTODIAN_DATA_DIR=/var/lib/custodian/data"), "the data below it");
        assertTrue(lines.contains("Restart=on-failure"), "a failed start (status 1) or a crash is restarted");
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("ExecStart=")
                                && l.contains("-jar /opt/custodian/custodian-microbundle.jar")
                                && l.contains("--rootdir /var/lib/custodian/payara")),
                "the uber-jar, with Payara's runtime kept in the state directory");
    }

    /**
     * No registry is reachable where the tests run, so the image is not built here (docs/operations.md): its
     * instructions are read instead, continuation lines joined, for what the image's configuration will hold.
     */
    @Test
    void containerfileWhenReadThenNonRootWithADataVolumeThePortAndTheJarAsEntrypoint() throws Exception {
        List<String> instructions = List.of(Files.readString(CONTAINERFILE)
                .replaceAll("(?m)^#.*\n", "")
                .replace("\\\n", " ")
                .split("\n"));

        assertTrue(instructions.get(0).startsWith("FROM "), "a base image first: " + instructions.get(0));
        assertEquals(List.of("USER 10001:10001"), starting(instructions, "USER "), "a numeric user, never root");
        assertEquals(List.of("VOLUME [\"/var/lib/custodian\"]"), starting(instructions, "VOLUME "));
        assertEquals(List.of("EXPOSE 8080"), starting(instructions, "EXPOSE "));
        assertTrue(
                starting(instructions, "RUN ").stream()
                        .anyMatch(l -> l.contains("useradd --system --uid 10001")
                                && l.contains("install -d -o 10001 -g 10001 -m 700 /var/lib/custodian")),
                "the user exists and owns the volume");
        assertEquals(List.of("ENV CUSTODIAN_DATA_DIR=/var/lib/custodian/data"), starting(instructions, "ENV "));
        assertEquals(
                List.of("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", "
                        + "\"/opt/custodian/custodian-microbundle.jar\", \"--port\", \"8080\", \"--rootdir\", "
                        + "\"/var/lib/custodian/payara\"]"),
                starting(instructions, "ENTRYPOINT "),
                "exec form (the JVM gets SIGTERM), Payara's runtime on the volume");
        assertEquals(
                List.of("COPY custodian-microbundle.jar /opt/custodian/custodian-microbundle.jar"),
                starting(instructions, "COPY "),
                "the uber-jar, from target/ as the build context");
    }

    private static List<String> starting(List<String> instructions, String keyword) {
        return instructions.stream()
                .filter(l -> l.startsWith(keyword))
                .map(l -> l.replaceAll("\\s+", " ").strip())
                .toList();
    }

    @Test
    void systemdUnitWhenVerifiedBySystemdThenNoComplaint() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here");
        Process verify = new ProcessBuilder(
                        analyze.toString(), "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify did not finish");
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, verify.exitValue(), said);
        assertEquals("", said.strip(), "systemd-analyze verify complains");
    }
}
