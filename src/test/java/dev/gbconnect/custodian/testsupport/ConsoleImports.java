package dev.gbconnect.custodian.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The console's CSV import of customers (docs/console.md) over plain HTTP, beside a browser or without one: the form
 * as a browser posts it, and files of customers to import.
 */
public final class ConsoleImports {

    private static final String BOUNDARY = "it-boundary-7c1f";

    private ConsoleImports() {}

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
    private static byte[] multipart(String csrf, Path file) throws IOException {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
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
}
