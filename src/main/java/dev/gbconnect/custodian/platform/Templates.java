package dev.gbconnect.custodian.platform;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.ws.rs.core.Response;

/**
 * Pages from the jte templates in src/main/jte, which the build turns into classes (jte-maven-plugin): nothing is
 * compiled at run time, and as {@link ContentType#Html} every {@code ${...}} is escaped for where it stands (text,
 * attribute), so a value can never become markup. Each page gets the headers of {@link Html#respond}.
 */
public final class Templates {

    /** The package jte-maven-plugin's generate goal writes its classes to. */
    private static final String GENERATED = "gg.jte.generated.precompiled";

    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), GENERATED);

    private Templates() {}

    /**
     * {@code template} is its path below src/main/jte (console/dashboard.jte); {@code model} its one parameter;
     * {@code formTargets} as {@link Html#respond} takes them.
     */
    public static Response.ResponseBuilder page(
            Response.Status status, String template, Object model, String... formTargets) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, model, out);
        return Html.respond(status, out.toString(), formTargets);
    }
}
