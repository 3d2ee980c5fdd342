package dev.gbconnect.custodian.portal.boundary;

import static dev.gbconnect.custodian.testsupport.ConsentFlow.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.OwnServer;
import dev.gbconnect.custodian.testsupport.UberJarServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's lock after too many wrong passwords, and its end: the uber-jar with a lock of seconds
 * (custodian.sign-in.*), since the default quarter of an hour is too long to wait for in a test.
 */
@OwnServer
class SignInLockoutIT {

    private static final Duration LOCK = Duration.ofSeconds(6);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void signInWhenTwoWrongPasswordsThenLockedAndAfterTheLockTheRightOneOpensThePortal() throws Exception {
        Path dir = Path.of(System.getProperty("it.dataRoot", "target/it-data"), "lockout-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(dir);
        List<String> jvm = new ArrayList<>(UberJarServer.testJvm());
        jvm.addAll(List.of("-Dcustodian.sign-in.max-failures=2", "-Dcustodian.sign-in.lockout=" + LOCK));
        UberJarServer server = UberJarServer.start(
                dir,
                jvm,
                Map.of(
                        "CUSTODIAN_DEMO_DATA", "false",
                        "CUSTODIAN_ADMIN_CLIENT_ID", "lock-admin",
                        "CUSTODIAN_ADMIN_CLIENT_SECRET", "lock-admin-secret"));
        try {
            String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
            server.api("lock-admin", "lock-admin-secret").newCustomer(username);
            Api portal = Api.withAuthorization(server.base(), null);

            assertEquals(401, signIn(portal, username, "wrong-1").status());
            assertEquals(401, signIn(portal, username, "wrong-2").status());
            Instant locked = Instant.now();
            assertEquals(401, signIn(portal, username, "pass-" + username).status(), "locked: the right one fails");

            Thread.sleep(Math.max(
                            0,
                            Duration.between(Instant.now(), locked.plus(LOCK)).toMillis())
                    + 1000);
            Api.Reply lifted = signIn(portal, username, "pass-" + username);
            assertEquals(303, lifted.status(), "the lock has ended: " + lifted.body());
            assertTrue(lifted.header("Location").endsWith("/portal"), lifted.header("Location"));
        } finally {
            server.stop();
        }
    }

    /** The sign-in form as a browser posts it: its own page's token, and the form cookie beside it. */
    private static Api.Reply signIn(Api portal, String username, String password) {
        Api.Reply page = portal.get("portal/sign-in");
        Matcher csrf = CSRF.matcher(page.body());
        assertTrue(csrf.find(), page.body());
        String cookie = page.header("Set-Cookie").split(";", 2)[0];
        return portal.postForm(
                "portal/sign-in",
                null,
                "username=" + enc(username) + "&password=" + enc(password) + "&csrf=" + enc(csrf.group(1)),
                "Cookie",
                cookie);
    }
}
