package dev.gbconnect.custodian.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's CSV import of customers (docs/console.md) over plain HTTP, beside a browser or without one: the form
 * as a browser posts it, and an import's page read back as figures.
 */
public final class ConsoleImports {

    static final String BOUNDARY = "it-boundary-7c1f";

    private static final Pattern STATE = Pattern.compile("<p id=\"state\">(.*?)</p>", Pattern.DOTALL),
            PROGRESS = Pattern.compile("<progress id=\"progress\" value=\"(\\d+)\" max=\"(\\d+)\">"),
            CREATED = Pattern.compile("<td id=\"created\">(\\d+)</td>"),
            EXISTING = Pattern.compile("<td id=\"existing\">(\\d+)</td>");

    private ConsoleImports() {}

    /** An import's page: its state sentence and its counts. */
    public record Progress(String state, int done, int total, int created, int existing) {}

    /** Posts the import form in {@code session}; a started import answers 303 to its page. */
    public static Api.Reply post(URI base, String session, String csrf, Path file) throws IOException {
        return Api.withAuthorization(base, null)
                .post(
                        "console/imports",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        multipart(csrf, file),
                        "Cookie",
                        session);
    }

    /** The import form as a browser sends it: the session's form token and the file. */
    public static byte[] multipart(String csrf, Path file) throws IOException {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The import's id, from the answer that started it. */
    public static String started(Api.Reply posted) {
        assertEquals(303, posted.status(), posted.body());
        String page = posted.header("Location");
        return page.substring(page.lastIndexOf('/') + 1);
    }

    /** What the import's page shows now. */
    public static Progress progress(URI base, String session, String importId) {
        Api.Reply page = Api.withAuthorization(base, null).get("console/imports/" + importId, "Cookie", session);
        assertEquals(200, page.status(), page.body());
        Matcher bar = find(PROGRESS, page.body());
        return new Progress(
                find(STATE, page.body()).group(1),
                Integer.parseInt(bar.group(1)),
                Integer.parseInt(bar.group(2)),
                Integer.parseInt(find(CREATED, page.body()).group(1)),
                Integer.parseInt(find(EXISTING, page.body()).group(1)));
    }

    /** A file of {@code count} new customers named {@code prefix-N}. */
    public static Path customers(Path dir, String prefix, int count) throws IOException {
        StringBuilder csv = new StringBuilder("username,name\r\n");
        for (int i = 0; i < count; i++)
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",\"Elm, Ada ")
                    .append(i)
                    .append("\"\r\n");
        return Files.writeString(dir.resolve(prefix + ".csv").toAbsolutePath(), csv);
    }

    private static Matcher find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertTrue(m.find(), pattern + " in " + page);
        return m;
    }
}
