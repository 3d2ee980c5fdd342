package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.authorization.boundary.ScopeWords;
import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import dev.gbconnect.custodian.usage.entity.LocalTimeRules;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The models of the Connected apps, Personal API access and Account pages (portal/apps.jte, apiAccess.jte,
 * newApiAccess.jte, account.jte). Days and times are the local time of the customer's usage points (an app's: of the
 * ones it shares; issue 20 item 2), formatted for the page's language, each time with its UTC offset.
 */
public final class PortalViews {

    private PortalViews() {}

    /** {@code scopeSelection} the start of ESPI's flow that begins at the data custodian, without the client id. */
    public record Apps(
            CustomerFrame frame,
            List<ConnectedApps.App> active,
            List<ConnectedApps.App> ended,
            List<Client> connectable,
            String scopeSelection) {

        public String connect(Client c) {
            return scopeSelection + URLEncoder.encode(c.id(), StandardCharsets.UTF_8);
        }

        /** What the app sees, in plain words of the page's language, personal information last. */
        public List<String> sharing(ConnectedApps.App a) {
            if (a.scope() == null) return List.of(frame.lookup("scope.kinds.none"));
            List<String> words = new ArrayList<>(ScopeWords.usage(a.scope(), frame));
            words.add(frame.lookup(a.scope().grantsCustomerInformation() ? "scope.personal" : "apps.no-personal"));
            return words;
        }

        /**
         * The last day an Authorization shares, in the local time the customer chose it in: its end is the first
         * moment it no longer does (the local midnight after the day the customer chose).
         */
        public String lastDay(ConnectedApps.App a) {
            return PortalViews.day(frame, a.zone().lastDay(a.until()));
        }

        /** The UTC offset of the app's last moment, beside its last day. */
        public String lastOffset(ConnectedApps.App a) {
            return CustomerFrame.offset(a.zone().offsetAt(a.until().minusNanos(1)));
        }

        public String day(ConnectedApps.App a, Instant t) {
            return PortalViews.day(frame, a.zone().dayOf(t));
        }

        public String time(ConnectedApps.App a, Instant t) {
            return PortalViews.time(frame, a.zone(), t);
        }
    }

    /**
     * {@code base} the server's public address (ending with a slash), {@code guide} the large-customer guide's,
     * {@code zone} the customer's local time.
     */
    public record Api(
            CustomerFrame frame,
            List<Client> personal,
            String username,
            String base,
            String guide,
            LocalTimeRules zone) {

        /** The client the example commands use: the newest, else a placeholder the customer replaces. */
        public String exampleClient() {
            return personal.isEmpty()
                    ? "YOUR_CLIENT_ID"
                    : personal.get(personal.size() - 1).id();
        }

        public String day(Instant t) {
            return PortalViews.day(frame, zone.dayOf(t));
        }
    }

    /** The one page that shows a new secret. */
    public record NewApi(
            CustomerFrame frame, Client client, String secret, String username, String base, String guide) {}

    /** {@code problem} the key of the text saying why the password did not change, or null. */
    public record Account(
            CustomerFrame frame,
            List<SignInRecord> signIns,
            long historyDays,
            String problem,
            boolean changed,
            LocalTimeRules zone) {

        public String time(Instant t) {
            return PortalViews.time(frame, zone, t);
        }
    }

    static String day(CustomerFrame frame, LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(frame.locale())
                .format(day);
    }

    /** A local date and time and its UTC offset: "Dec 7, 2026, 9:15 PM UTC−05:00". */
    static String time(CustomerFrame frame, LocalTimeRules zone, Instant t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(frame.locale())
                        .format(zone.localTime(t))
                + " " + CustomerFrame.offset(zone.offsetAt(t));
    }
}
