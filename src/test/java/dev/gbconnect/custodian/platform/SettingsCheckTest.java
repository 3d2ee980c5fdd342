package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SettingsCheck knows every setting the code reads, and docs/configuration.md describes each: a setting read with
 * ConfigProvider or System.getProperty is otherwise checked by nothing at start (issue 18).
 */
class SettingsCheckTest {

    /** The launcher's hand-over from the application (StartOutcome), not settings. */
    private static final Set<String> NOT_SETTINGS = Set.of(StartOutcome.FAILURE, StartOutcome.STARTED);

    @Test
    void settingsWhenReadInCodeThenEachCheckedAtStartAndDocumented() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String root : new String[] {"src/main/java", "src/launcher/java"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> read.addAll(settingNames(f)));
            }
        }
        read.removeAll(NOT_SETTINGS);
        String docs = Files.readString(Path.of("docs", "configuration.md"));

        assertEquals(new TreeSet<>(SettingsCheck.SETTINGS.keySet()), read, "SettingsCheck.SETTINGS vs the code");
        read.forEach(name -> assertTrue(
                docs.contains("| `" + name + "` | `" + SettingsCheck.environmentVariable(name) + "` |"),
                name + " has no row in docs/configuration.md"));
    }

    @Test
    void valuesWhenOutOfRangeOrMalformedThenRefused() {
        assertRefused("custodian.oauth.access-token-lifetime", "1h", "PT0S", "-PT1H");
        assertRefused("custodian.demo-data", "ture", "1");
        assertRefused("custodian.feed.concurrency", "0", "two");
        assertRefused("custodian.public-url", "greenbutton.utility.example", "ftp://x.example", "https://x?a=1");
        assertRefused("custodian.allowed-hosts", "a.example:8443", "a.example,,b");
        assertRefused("custodian.db.url", "postgresql://db/custodian");
        assertRefused("custodian.metrics.token", "short");
        assertRefused("custodian.hsts.max-age", "-P1D");
        assertAccepted("custodian.oauth.access-token-lifetime", "PT1H", "P90D");
        assertAccepted("custodian.demo-data", "true", "FALSE");
        assertAccepted("custodian.public-url", "https://greenbutton.utility.example", "http://localhost:8080/");
        assertAccepted("custodian.allowed-hosts", "a.example", "a.example, proxy.internal");
        assertAccepted("custodian.hsts.max-age", "PT0S");
        assertAccepted("custodian.portal.personal-scope", "FB=1_3_4_5_12_13_14_15_16_18_19");
    }

    @Test
    void oidcSettingsWhenNotAnHttpsIssuerOrNoOpenidScopeThenRefused() {
        assertRefused(
                "custodian.console.oidc.issuer",
                "http://login.utility.example/realms/staff",
                "https://login.utility.example/?tenant=1",
                "login.utility.example");
        assertAccepted(
                "custodian.console.oidc.issuer",
                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
                "http://127.0.0.1:8180/realms/staff");
        assertRefused("custodian.console.oidc.scope", "profile email");
        assertAccepted("custodian.console.oidc.scope", "openid profile groups");
        assertRefused("custodian.console.oidc.roles-claim", "realm_access..roles", "roles claim");
        assertAccepted("custodian.console.oidc.roles-claim", "groups", "realm_access.roles");
    }

    private static void assertRefused(String name, String... values) {
        for (String v : values)
            assertFalse(SettingsCheck.SETTINGS.get(name).test().test(v), name + "=" + v);
    }

    private static void assertAccepted(String name, String... values) {
        for (String v : values)
            assertTrue(SettingsCheck.SETTINGS.get(name).test().test(v), name + "=" + v);
    }

    private static Set<String> settingNames(Path file) {
        Set<String> names = new TreeSet<>();
        try {
            Matcher m = Pattern.compile("\"(custodian\\.[a-z0-9.-]*[a-z0-9])\"").matcher(Files.readString(file));
            while (m.find()) names.add(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
