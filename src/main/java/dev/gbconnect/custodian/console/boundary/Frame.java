package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.console.control.StaffSessions;
import dev.gbconnect.custodian.console.entity.Role;
import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * What the console's layout needs on every page: where the console is, who is signed in (none on the sign-in page),
 * their form token, and the texts (jte's {@link LocalizationSupport} over the console/texts bundle).
 */
public record Frame(String root, StaffSessions.Staff staff) implements LocalizationSupport {

    private static final ResourceBundle TEXTS =
            ResourceBundle.getBundle("console.texts", Locale.ENGLISH, Frame.class.getClassLoader());

    @Override
    public String lookup(String key) {
        return TEXTS.getString(key);
    }

    /** A text of the bundle, escaped where it is used. */
    public Content t(String key) {
        return localize(key);
    }

    public String name() {
        return staff.identity().name();
    }

    public String roles() {
        return staff.identity().roles().stream().map(Role::label).sorted().collect(Collectors.joining(", "));
    }

    public String csrf() {
        return staff.csrf();
    }

    /** Whether to offer an action; the server checks again when it is posted. */
    public boolean may(String permission) {
        return staff.identity().may(Role.Permission.valueOf(permission));
    }
}
