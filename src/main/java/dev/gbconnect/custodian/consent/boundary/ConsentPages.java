package dev.gbconnect.custodian.consent.boundary;

import dev.gbconnect.custodian.authorization.boundary.ScopeWords;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.EspiScope;
import dev.gbconnect.custodian.consent.control.Consents;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.platform.Templates;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import dev.gbconnect.custodian.usage.entity.UsagePoint;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The sign-in and consent pages (src/main/jte/consent): plain forms, no script, every input labelled, in the
 * customer's language.
 */
public final class ConsentPages {

    /** The sign-in page of a pending request; {@code problem} a text key or null. */
    public record SignIn(CustomerFrame frame, String app, String action, String request, String problem) {}

    /** What the application asks for, the services and personal information to share, until when. */
    public record Consent(
            CustomerFrame frame,
            Client app,
            List<String> asks,
            String action,
            String request,
            List<Choice> choices,
            boolean personal,
            LocalDate until,
            LocalDate earliest,
            LocalDate latest,
            String zone,
            String problem) {}

    /** One usage point to tick; the only one is ticked already. */
    public record Choice(String id, String value, String label, boolean checked) {}

    private ConsentPages() {}

    static Response.ResponseBuilder signIn(CustomerFrame frame, Consents.Pending p, String action, String problem) {
        return Templates.page(
                Response.Status.OK,
                "consent/signIn.jte",
                new SignIn(frame, p.client().name(), action, p.handle(), problem));
    }

    static Response.ResponseBuilder consent(
            CustomerFrame frame,
            Consents.Pending p,
            List<UsagePoint> points,
            Consents consents,
            String action,
            String problem) {
        EspiScope scope = EspiScope.parse(p.request().scope());
        LocalTimeRules zone = consents.localTime(p);
        Consent page = new Consent(
                frame,
                p.client(),
                ScopeWords.usage(scope, frame),
                action,
                p.handle(),
                points.stream().map(u -> choice(u, points.size() == 1, frame)).toList(),
                scope.grantsCustomerInformation(),
                Consents.defaultUntil(zone),
                Consents.earliestUntil(zone),
                consents.latestUntil(zone),
                frame.zone(zone.standardOffset(), zone.observesDaylightSaving() ? zone.daylightOffset() : null),
                problem);
        return Templates.page(
                problem == null ? Response.Status.OK : Response.Status.BAD_REQUEST,
                "consent/consent.jte",
                page,
                origin(p.request().redirectUri()));
    }

    private static Choice choice(UsagePoint u, boolean only, CustomerFrame frame) {
        Integer kind = u.serviceKind();
        String service = kind != null && frame.has("service." + kind)
                ? frame.text("service." + kind)
                : frame.text("service.other");
        String label =
                u.title() == null || u.title().isBlank() ? service : frame.text("service.titled", service, u.title());
        return new Choice("up-" + u.id(), u.id(), label, only);
    }

    /** The answer to the consent form redirects there, which CSP form-action must allow. */
    private static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
