package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.BodySizeLimit;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's customer CSV (docs/console.md): UTF-8, RFC 4180 fields (quoted where they hold a comma or a quote,
 * quotes doubled, a field on one line), a header {@code username,name}, then one customer a line. A file that is not
 * such a CSV is refused whole; a line that is wrong is one invalid line, and the others still count.
 */
public final class CustomerCsv {

    public static final String HEADER = "username,name";

    /** The largest file, and the most customers in one. */
    public static final int MAX_BYTES = BodySizeLimit.MAX_FILE_BYTES, MAX_ROWS = 100_000;

    /** A line of the file: the customer it names, or why it names none ({@code problem}). */
    public record Row(int line, String username, String name, String problem) {}

    /** Why the whole file is refused. */
    public static final class NotCsv extends RuntimeException {
        NotCsv(String message) {
            super(message, null, false, false);
        }
    }

    private CustomerCsv() {}

    /** Its rows, blank lines left out; at most {@code maxRows}, or it is refused. */
    public static List<Row> parse(byte[] file, int maxRows) {
        String text = utf8(file);
        if (text.indexOf('\0') >= 0) throw new NotCsv("the file is not text: it holds NUL characters");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (!HEADER.equals(lines[0].strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "")))
            throw new NotCsv("the first line must be the header " + HEADER);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            if (rows.size() == maxRows)
                throw new NotCsv("the file has more than " + maxRows + " customers; split it into several files");
            rows.add(row(i + 1, lines[i]));
        }
        if (rows.isEmpty()) throw new NotCsv("the file has no customer after its header");
        return rows;
    }

    private static Row row(int line, String text) {
        List<String> fields;
        try {
            fields = fields(text);
        } catch (IllegalArgumentException e) {
            return new Row(line, null, null, e.getMessage());
        }
        if (fields.size() != 2)
            return new Row(line, null, null, "expected 2 fields (username,name), found " + fields.size());
        String username = fields.get(0).strip(), name = fields.get(1).strip();
        try {
            Customers.checkUsername(username);
            Customers.checkName(name);
        } catch (ApiException e) {
            return new Row(line, username.length() <= 128 ? username : null, null, e.getMessage());
        }
        return new Row(line, username, name.isEmpty() ? null : name, null);
    }

    /** RFC 4180 §2 fields of one line. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) throw new IllegalArgumentException("a quoted field does not end");
                    char c = line.charAt(i++);
                    if (c != '"') field.append(c);
                    else if (i < line.length() && line.charAt(i) == '"') field.append(line.charAt(i++));
                    else break;
                }
                if (i < line.length() && line.charAt(i) != ',')
                    throw new IllegalArgumentException("a quoted field is followed by text other than a comma");
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"')
                        throw new IllegalArgumentException("a quote inside an unquoted field; quote the field");
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) return fields;
            i++;
        }
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotCsv("the file is not UTF-8 text");
        }
    }
}
