package dev.gbconnect.custodian.platform;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks every setting while the application starts, before anything uses one: a value that does not convert to its
 * type (an hour written {@code 1h} where ISO-8601 {@code PT1H} is meant), is out of range, or is not of the form the
 * setting needs fails the start with one line naming the setting, its environment variable and what is allowed,
 * instead of a container stack trace, a silent fallback, or a failure at the first request that needs it (issue 18).
 * Settings injected with {@code @ConfigProperty} are type-checked as they are found; {@link #SETTINGS} lists every
 * setting the application reads, injected or not (SettingsCheckTest keeps it, the code and docs/configuration.md in
 * step).
 */
public class SettingsCheck implements Extension {

    /** What a setting may be, in words for the operator, and the test of its raw text. */
    record Allowed(String words, Predicate<String> test, boolean secret) {

        Allowed(String words, Predicate<String> test) {
            this(words, test, false);
        }

        Allowed hidden() {
            return new Allowed(words, test, true);
        }
    }

    private static final Allowed POSITIVE_DURATION = new Allowed(
            "a positive ISO-8601 duration, e.g. PT30S, PT15M, PT1H or P90D",
            v -> parses(() -> Duration.parse(v))
                    .filter(d -> !d.isNegative() && !d.isZero())
                    .isPresent());
    private static final Allowed POSITIVE_INT = new Allowed(
            "a whole number from 1 to " + Integer.MAX_VALUE,
            v -> parses(() -> Integer.parseInt(v.trim())).filter(n -> n > 0).isPresent());
    private static final Allowed POSITIVE_BYTES = new Allowed(
            "a number of bytes from 1 to " + Long.MAX_VALUE,
            v -> parses(() -> Long.parseLong(v.trim())).filter(n -> n > 0).isPresent());
    /** MicroProfile Config reads any other word as false: a typo would turn a setting off without a word. */
    private static final Allowed BOOLEAN = new Allowed(
            "true or false", v -> Set.of("true", "false").contains(v.trim().toLowerCase(Locale.ROOT)));

    private static final Allowed TEXT = new Allowed("not blank", v -> !v.isBlank());
    private static final Allowed COLOUR =
            new Allowed("a CSS hex colour, e.g. #2d6a2d", v -> v.matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})"));
    private static final Allowed WEB_URL = new Allowed(
            "an absolute http or https URL, e.g. https://greenbutton.utility.example", SettingsCheck::webUrl);

    /** Every setting the application and its launcher read (docs/configuration.md describes each). */
    static final Map<String, Allowed> SETTINGS = Map.ofEntries(
            Map.entry("custodian.data-dir", TEXT),
            Map.entry(
                    "custodian.db.url",
                    new Allowed(
                            "a jdbc:postgresql: or jdbc:derby: URL",
                            v -> v.startsWith("jdbc:postgresql:") || v.startsWith("jdbc:derby:"))),
            Map.entry(
                    "custodian.db.replica-url",
                    new Allowed(
                            "a jdbc:postgresql: URL of a streaming replica of custodian.db.url",
                            v -> v.startsWith("jdbc:postgresql:"))),
            Map.entry("custodian.db.user", TEXT),
            Map.entry("custodian.db.password", TEXT.hidden()),
            Map.entry("custodian.admin.client-id", TEXT),
            Map.entry(
                    "custodian.admin.client-secret",
                    new Allowed("at least 16 characters", v -> v.length() >= 16).hidden()),
            Map.entry("custodian.demo-data", BOOLEAN),
            Map.entry("custodian.demo.check-interval", POSITIVE_DURATION),
            Map.entry("custodian.demo.test-midnight-after", POSITIVE_DURATION),
            Map.entry("custodian.oauth.access-token-lifetime", POSITIVE_DURATION),
            Map.entry("custodian.oauth.refresh-token-lifetime", POSITIVE_DURATION),
            Map.entry("custodian.oauth.code-lifetime", POSITIVE_DURATION),
            Map.entry("custodian.consent.request-lifetime", POSITIVE_DURATION),
            Map.entry(
                    "custodian.consent.longest",
                    new Allowed(
                            "a positive ISO-8601 period, e.g. P1Y or P5Y",
                            v -> parses(() -> Period.parse(v))
                                    .filter(p -> !p.isNegative() && !p.isZero())
                                    .isPresent())),
            Map.entry("custodian.oauth.password.client-max-failures", POSITIVE_INT),
            Map.entry("custodian.oauth.password.client-lockout", POSITIVE_DURATION),
            Map.entry("custodian.oauth.client-auth.max-failures", POSITIVE_INT),
            Map.entry("custodian.oauth.client-auth.hold-back", POSITIVE_DURATION),
            Map.entry("custodian.oauth.client-auth.longest-hold-back", POSITIVE_DURATION),
            Map.entry("custodian.sign-in.max-failures", POSITIVE_INT),
            Map.entry("custodian.sign-in.lockout", POSITIVE_DURATION),
            Map.entry("custodian.sign-in.history", POSITIVE_DURATION),
            Map.entry("custodian.data-custodian-id", TEXT),
            Map.entry("custodian.utility-name", TEXT),
            Map.entry("custodian.docs-url", WEB_URL),
            Map.entry(
                    "custodian.brand.dir",
                    new Allowed(
                            "a readable directory (logo.svg or logo.png, brand.css)",
                            v -> Files.isDirectory(Path.of(v)) && Files.isReadable(Path.of(v)))),
            Map.entry("custodian.brand.colour", COLOUR),
            Map.entry("custodian.brand.background", COLOUR),
            Map.entry("custodian.brand.support", TEXT),
            Map.entry("custodian.brand.privacy-url", WEB_URL),
            Map.entry("custodian.brand.terms-url", WEB_URL),
            Map.entry("custodian.log-format", new Allowed("text or json", v -> v.equals("text") || v.equals("json"))),
            Map.entry(
                    "custodian.certification-id",
                    new Allowed(
                            "a GBA certificate id: letters, digits, '.', '_' or '-'",
                            v -> v.matches("[A-Za-z0-9._-]+"))),
            Map.entry("custodian.portal.idle-timeout", POSITIVE_DURATION),
            Map.entry("custodian.portal.reset-link-lifetime", POSITIVE_DURATION),
            Map.entry("custodian.portal.last-read-resolution", POSITIVE_DURATION),
            Map.entry("custodian.console.operator.username", TEXT),
            Map.entry(
                    "custodian.console.operator.password",
                    new Allowed("at least 12 characters", v -> v.length() >= 12).hidden()),
            Map.entry("custodian.console.idle-timeout", POSITIVE_DURATION),
            Map.entry("custodian.console.session-lifetime", POSITIVE_DURATION),
            Map.entry("custodian.console.sign-in.max-failures", POSITIVE_INT),
            Map.entry("custodian.console.sign-in.lockout", POSITIVE_DURATION),
            Map.entry("custodian.console.import-silence", POSITIVE_DURATION),
            Map.entry("custodian.portal.session-lifetime", POSITIVE_DURATION),
            Map.entry(
                    "custodian.portal.personal-scope",
                    new Allowed(
                            "an ESPI scope, e.g. FB=1_3_4_5_12_13_14_15_16_18_19",
                            v -> v.matches("FB=\\d+(_\\d+)*(;[A-Za-z]+=[A-Za-z0-9_]+)*"))),
            Map.entry(
                    "custodian.public-url",
                    new Allowed(
                            "an absolute http or https URL with no query, e.g. https://greenbutton.utility.example",
                            v -> webUrl(v) && URI.create(v).getRawQuery() == null)),
            Map.entry(
                    "custodian.allowed-hosts",
                    new Allowed(
                            "host names without a port, separated by commas",
                            v -> Arrays.stream(v.split(","))
                                    .allMatch(h -> h.trim().matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")))),
            Map.entry("custodian.access-log", BOOLEAN),
            Map.entry("custodian.metrics.token", new Allowed("at least 16 characters", v -> v.length() >= 16).hidden()),
            Map.entry(
                    "custodian.hsts.max-age",
                    new Allowed(
                            "an ISO-8601 duration of zero or more, e.g. P365D or PT0S",
                            v -> parses(() -> Duration.parse(v))
                                    .filter(d -> !d.isNegative())
                                    .isPresent())),
            Map.entry("custodian.hsts.include-subdomains", BOOLEAN),
            Map.entry(
                    "custodian.plain-http",
                    new Allowed(
                            "serve or redirect",
                            v -> Set.of("serve", "redirect").contains(v.toLowerCase(Locale.ROOT)))),
            Map.entry("custodian.gba-harness", BOOLEAN),
            Map.entry("custodian.registration.review-required", BOOLEAN),
            Map.entry("custodian.notify.poll-interval", POSITIVE_DURATION),
            Map.entry("custodian.notify.connect-timeout", POSITIVE_DURATION),
            Map.entry("custodian.notify.request-timeout", POSITIVE_DURATION),
            Map.entry("custodian.notify.first-retry", POSITIVE_DURATION),
            Map.entry("custodian.notify.longest-retry", POSITIVE_DURATION),
            Map.entry("custodian.notify.max-attempts", POSITIVE_INT),
            Map.entry("custodian.notify.lease", POSITIVE_DURATION),
            Map.entry("custodian.feed.concurrency", POSITIVE_INT),
            Map.entry("custodian.feed.queue-timeout", POSITIVE_DURATION),
            Map.entry("custodian.max-form-bytes", POSITIVE_BYTES),
            Map.entry("custodian.upload.max-bytes", POSITIVE_BYTES),
            Map.entry(
                    "custodian.console.oidc.issuer",
                    new Allowed(
                            "an https URL with no query, e.g. https://login.example.com/realms/staff (http only on"
                                    + " localhost or 127.0.0.1)",
                            SettingsCheck::issuerUrl)),
            Map.entry("custodian.console.oidc.client-id", TEXT),
            Map.entry("custodian.console.oidc.client-secret", TEXT.hidden()),
            Map.entry(
                    "custodian.console.oidc.scope",
                    new Allowed(
                            "scopes separated by spaces, openid among them",
                            v -> Arrays.asList(v.trim().split(" +")).contains("openid"))),
            Map.entry(
                    "custodian.console.oidc.roles-claim",
                    new Allowed(
                            "a claim name, or names joined by dots for a claim inside another (realm_access.roles)",
                            v -> v.matches("[A-Za-z0-9_:/-]+(\\.[A-Za-z0-9_:/-]+)*"))),
            Map.entry("custodian.console.oidc.operator-values", TEXT),
            Map.entry("custodian.console.oidc.support-values", TEXT),
            Map.entry("custodian.console.oidc.auditor-values", TEXT),
            Map.entry("custodian.console.local-sign-in", BOOLEAN));

    private final Map<String, Class<?>> injected = new TreeMap<>();

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint point = event.getInjectionPoint();
        ConfigProperty property = point.getAnnotated().getAnnotation(ConfigProperty.class);
        if (property != null && property.name().startsWith("custodian.")) {
            injected.put(property.name(), valueType(point.getType()));
        }
    }

    void check(@Observes AfterBeanDiscovery event) {
        Config config = ConfigProvider.getConfig(SettingsCheck.class.getClassLoader());
        injected.forEach((name, type) -> {
            try {
                config.getOptionalValue(name, type);
            } catch (RuntimeException unconvertible) { // Duration's converter throws DateTimeParseException
                fail(
                        event,
                        name,
                        config,
                        "a valid " + type.getSimpleName()
                                + (type.getPackageName().equals("java.time") ? " (ISO-8601, e.g. PT1H or P90D)" : ""),
                        unconvertible);
            }
        });
        new TreeMap<>(SETTINGS).forEach((name, allowed) -> {
            String value = config.getConfigValue(name).getValue();
            if (value != null && !allowed.test().test(value)) fail(event, name, config, allowed.words(), null);
        });
        if ("redirect"
                        .equalsIgnoreCase(
                                config.getConfigValue("custodian.plain-http").getValue())
                && !config.getOptionalValue("custodian.public-url", String.class)
                        .map(u -> u.startsWith("https://"))
                        .orElse(false)) {
            fail(event, "custodian.public-url", config, "an https URL when custodian.plain-http is redirect", null);
        }
        oidc(event, config);
    }

    /** A provider needs its client's id and secret; turning local accounts off needs a provider. */
    private static void oidc(AfterBeanDiscovery event, Config config) {
        boolean provider = config.getOptionalValue("custodian.console.oidc.issuer", String.class)
                .isPresent();
        for (String needed : new String[] {"custodian.console.oidc.client-id", "custodian.console.oidc.client-secret"})
            if (provider && config.getOptionalValue(needed, String.class).isEmpty())
                fail(event, needed, config, "set when custodian.console.oidc.issuer is", null);
        if (!provider
                && "false"
                        .equalsIgnoreCase(config.getConfigValue("custodian.console.local-sign-in")
                                .getValue()))
            fail(
                    event,
                    "custodian.console.oidc.issuer",
                    config,
                    "set when custodian.console.local-sign-in is false",
                    null);
    }

    /** OpenID Connect Discovery 1.0 §2: the issuer is an https URL without query or fragment (http for tests on the machine). */
    private static boolean issuerUrl(String value) {
        return parses(() -> URI.create(value))
                .filter(u -> u.getRawQuery() == null && u.getRawFragment() == null && u.getHost() != null)
                .filter(u -> "https".equals(u.getScheme())
                        || ("http".equals(u.getScheme())
                                && Set.of("localhost", "127.0.0.1").contains(u.getHost())))
                .isPresent();
    }

    /** Only the first line counts for the launcher; every bad setting is logged, so one restart fixes them all. */
    private static void fail(AfterBeanDiscovery event, String name, Config config, String allowed, Exception cause) {
        String value = config.getConfigValue(name).getValue();
        boolean secret =
                Optional.ofNullable(SETTINGS.get(name)).map(Allowed::secret).orElse(false);
        String line = name + " (environment variable " + environmentVariable(name) + ") = "
                + (value == null ? "unset" : secret ? "(hidden)" : "'" + withoutCredentials(name, value) + "'")
                + " is not " + allowed + "; change it (docs/configuration.md)";
        StartOutcome.failed(line);
        event.addDefinitionError(new DeploymentException(line, cause));
    }

    /** A JDBC URL may carry a password (PostgreSQL's ?password=, Derby's ;password=): show what comes before. */
    private static String withoutCredentials(String name, String value) {
        return name.equals("custodian.db.url") ? value.replaceAll("[?;].*", "") : value;
    }

    private static boolean webUrl(String value) {
        return parses(() -> URI.create(value))
                .filter(u -> ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null)
                .isPresent();
    }

    private static <T> Optional<T> parses(java.util.function.Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (RuntimeException unparseable) {
            return Optional.empty();
        }
    }

    static String environmentVariable(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Class<?> valueType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return valueType(p.getActualTypeArguments()[0]);
        }
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == boolean.class) return Boolean.class;
        return type instanceof Class<?> c ? c : String.class;
    }
}
