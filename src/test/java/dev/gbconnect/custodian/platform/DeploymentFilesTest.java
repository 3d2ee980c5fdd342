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
