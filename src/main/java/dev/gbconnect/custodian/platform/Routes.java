package dev.gbconnect.custodian.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Names the route template a request matched (the resource method's {@code @Path}s, regular expressions left out:
 * {@code /espi/1_1/resource/{form}UsagePoint/{usagePointId}}), for {@link Observation}'s metrics and access log.
 * The template, never the path itself: a path holds ids, and one series per id would grow without bound. Runs
 * first after matching, so refused requests (401, 403) carry it too.
 */
@Provider
@Priority(1)
public class Routes implements ContainerRequestFilter {

    static final String ATTRIBUTE = Routes.class.getName();

    private static final Pattern REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^{}]*(?:\\{[^{}]*}[^{}]*)*}");
    private static final Map<Method, String> LABELS = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null)
            request.setProperty(
                    ATTRIBUTE, LABELS.computeIfAbsent(method, m -> label(template(resource.getResourceClass(), m))));
    }

    /** The JAX-RS path template of a resource method as declared, from the application root. */
    public static String template(Class<?> resource, Method method) {
        return join(join("", resource.getAnnotation(Path.class)), method.getAnnotation(Path.class));
    }

    /** A locator's sub-resource method: the locator's template, then the method's own {@code @Path}. */
    public static String join(String template, Path path) {
        if (path == null) return template;
        String p = path.value();
        return template.replaceAll("/$", "") + (p.startsWith("/") ? "" : "/") + p;
    }

    /** The template with each parameter's regular expression left out. */
    public static String label(String template) {
        return REGEX.matcher(template).replaceAll("{$1}");
    }
}
