package dev.gbconnect.custodian.platform;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks every setting the application injects ({@code @ConfigProperty}) while the application starts: a value that
 * does not convert to its type (an hour written {@code 1h} where ISO-8601 {@code PT1H} is meant) fails the start with
 * one line naming the setting and its environment variable, instead of a container stack trace or a failure at the
 * first request that needs it (issue 18).
 */
public class SettingsCheck implements Extension {

    private final Map<String, Class<?>> settings = new TreeMap<>();

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint point = event.getInjectionPoint();
        ConfigProperty property = point.getAnnotated().getAnnotation(ConfigProperty.class);
        if (property != null && property.name().startsWith("custodian.")) {
            settings.put(property.name(), valueType(point.getType()));
        }
    }

    void check(@Observes AfterBeanDiscovery event) {
        Config config = ConfigProvider.getConfig(SettingsCheck.class.getClassLoader());
        settings.forEach((name, type) -> {
            try {
                config.getOptionalValue(name, type);
            } catch (RuntimeException unconvertible) { // Duration's converter throws DateTimeParseException
                String line = name + " (environment variable " + environmentVariable(name) + ") = '"
                        + config.getConfigValue(name).getValue() + "' is not a valid " + type.getSimpleName()
                        + (type.getPackageName().equals("java.time") ? " (ISO-8601, e.g. PT1H or P90D)" : "")
                        + "; change it (docs/configuration.md)";
                StartOutcome.failed(line);
                event.addDefinitionError(new DeploymentException(line, unconvertible));
            }
        });
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
