package dev.gbconnect.custodian.testsupport;

import dev.gbconnect.custodian.demo.GreenButtonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console's upload form (docs/console.md) driven as staff drive it: in Chromium with its progress bar, or as the
 * multipart post a browser without JavaScript sends, streamed from a file; and Green Button files of a chosen size.
 */
public final class ConsoleUploads {

    private ConsoleUploads() {}

    /** Signs in through the console's sign-in page. */
    public static void signIn(ChromeDriver browser, URI base, String username, String password) {
        browser.get(base.resolve("console/sign-in").toString());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.submit(browser, browser.findElement(By.cssSelector("main > form button[type=submit]")));
    }

    /**
     * Uploads {@code file} for {@code customer} through the form and waits for the answer page; answers the values
     * the progress bar showed on the way, as fractions of its end.
     */
    public static List<Double> upload(ChromeDriver browser, URI base, String customer, Path file) {
        browser.get(base.resolve("console/uploads").toString());
        browser.findElement(By.id("customer")).sendKeys(customer);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        List<Double> seen = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            try {
                Object fraction = browser.executeScript("const p = document.getElementById('upload-progress');"
                        + " return p && !p.hidden ? p.value / p.max : null;");
                if (fraction == null && browser.findElements(By.id("outcome")).size() > 0) return seen;
                if (fraction != null) seen.add(((Number) fraction).doubleValue());
            } catch (WebDriverException pageBeingReplaced) {
                // the answer is arriving
            }
            sleep();
        }
        throw new AssertionError("no answer page within 5 minutes; progress seen: " + seen);
    }

    /**
     * A multipart post of the form, fields in the order the page has them, the file streamed as it is sent: with its
     * Content-Length, as browsers send it, or {@code chunked}.
     */
    public static Api.Reply post(URI base, String session, String csrf, String customer, Path file, boolean chunked)
            throws IOException {
        String boundary = "----it" + Long.toHexString(System.nanoTime());
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"customer\"\r\n\r\n" + customer + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/xml\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("console/uploads"))
                .timeout(Duration.ofMinutes(5))
                .header("Cookie", session)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> body(head, file, tail))
                                : HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofInputStream(() -> body(head, file, tail)),
                                        head.length() + Files.size(file) + tail.length()));
        return Api.send(Api.client().build(), request);
    }

    private static InputStream body(String head, Path file, String tail) {
        try {
            return new SequenceInputStream(Collections.enumeration(List.of(
                    new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                    Files.newInputStream(file),
                    new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Green Button file of one electric usage point with 15-minute readings from 2000-01-01, {@code days} long:
     * about 14.4 kB a day.
     */
    public static Path generated(Path dir, String point, int days) throws IOException, XMLStreamException {
        Path file = Files.createTempFile(dir, point, ".xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            GreenButtonGenerator.write(
                    out,
                    new GreenButtonGenerator.Plan(
                            List.of(new GreenButtonGenerator.Point(point, GreenButtonGenerator.Kind.ELECTRIC, 7)),
                            946_684_800L,
                            days,
                            900));
        }
        return file;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
