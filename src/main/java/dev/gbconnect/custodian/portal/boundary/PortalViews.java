package dev.gbconnect.custodian.portal.boundary;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.customer.entity.SignInRecord;
import dev.gbconnect.custodian.platform.CustomerFrame;
import dev.gbconnect.custodian.portal.control.ConnectedApps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The models of the Connected apps, Personal API access and Account pages (portal/apps.jte, apiAccess.jte,
 * newApiAccess.jte, account.jte). Days and times are shown in UTC, which the pages say, formatted for the page's
 * language.
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

        /**
         * The last day an Authorization shares: its end is the first moment it no longer does (the midnight after
         * the day the customer chose).
         */
        public String lastDay(Instant end) {
            return PortalViews.day(frame, end.minusSeconds(1));
        }

        public String day(Instant t) {
            return PortalViews.day(frame, t);
        }

        public String time(Instant t) {
            return PortalViews.time(frame, t);
        }
    }

    /** {@code base} the server's public address (ending with a slash), {@code guide} the large-customer guide's. */
    public record Api(CustomerFrame frame, List<Client> personal, String username, String base, String guide) {

        /** The client the example commands use: the newest, else a placeholder the customer replaces. */
        public String exampleClient() {
            return personal.isEmpty()
                    ? "YOUR_CLIENT_ID"
                    : personal.get(personal.size() - 1).id();
        }

        public String day(Instant t) {
            return PortalViews.day(frame, t);
        }
    }

    /** The one page that shows a new secret. */
    public record NewApi(
            CustomerFrame frame, Client client, String secret, String username, String base, String guide) {}

    /** {@code problem} the key of the text saying why the password did not change, or null. */
    public record Account(
            CustomerFrame frame, List<SignInRecord> signIns, long historyDays, String problem, boolean changed) {

        public String time(Instant t) {
            return PortalViews.time(frame, t);
        }
    }

    static String day(CustomerFrame frame, Instant t) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(frame.locale())
                .format(t.atOffset(ZoneOffset.UTC));
    }

    static String time(CustomerFrame frame, Instant t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(frame.locale())
                .format(t.atOffset(ZoneOffset.UTC));
    }
}
