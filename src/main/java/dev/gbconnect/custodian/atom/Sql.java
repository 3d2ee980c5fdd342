package dev.gbconnect.custodian.atom;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A statement assembled from conditions, each with its own parameters, so no value is ever spliced into the text. */
public final class Sql {

    private final StringBuilder text;
    private final List<Object> parameters = new ArrayList<>();

    public Sql(String head) {
        text = new StringBuilder(head);
    }

    public Sql add(String fragment, Object... values) {
        text.append(fragment);
        Collections.addAll(parameters, values);
        return this;
    }

    /** {@code ?, ?, ?} for a list of values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * The values with the last one repeated up to {@code n}: an IN list of always {@code n} markers is one statement
     * text, which the database compiles once whatever the list's length; a repeated value changes no answer.
     */
    public static <T> List<T> padded(List<T> values, int n) {
        if (values.isEmpty() || values.size() > n)
            throw new IllegalArgumentException(values.size() + " values for " + n);
        List<T> all = new ArrayList<>(values);
        while (all.size() < n) all.add(values.get(values.size() - 1));
        return all;
    }

    public PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement s = c.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) s.setObject(i + 1, parameters.get(i));
        return s;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
