package dev.gbconnect.custodian.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pictures in docs/*.md are taken by the Chromium tests that walk those pages, so a picture shows what the code
 * draws today. Every screenshot goes to target/screenshots; with {@code -Ddocs.screenshots=docs/images} it also
 * replaces the docs' copy (an ordinary run leaves the working tree alone: a PNG differs in every run).
 */
public final class Screenshots {

    private Screenshots() {}

    /** Saves what the browser shows as {@code name}.png (name: lower case words joined by hyphens). */
    public static void take(ChromeDriver driver, String name) {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*"))
            throw new IllegalArgumentException("a screenshot name is lower-case words joined by hyphens: " + name);
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        write(Path.of("target", "screenshots"), name, png);
        String docs = System.getProperty("docs.screenshots", "");
        if (!docs.isBlank()) write(Path.of(docs), name, png);
    }

    private static void write(Path dir, String name, byte[] png) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
