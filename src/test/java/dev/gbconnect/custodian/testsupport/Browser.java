package dev.gbconnect.custodian.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium, from Debian's chromium and chromium-driver packages (.ci/run installs them), so no
 * driver is downloaded. Override the paths with -Dchromium.binary and -Dchromium.driver.
 */
public final class Browser {

    /** What axe-core checks: WCAG 2.1 A and AA, and Deque's best practices. */
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                .then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                                + v.nodes.map(n => n.target.join(' ')).join(', '))),
                    e => done(['axe-core failed: ' + e]));
            """;

    private static String axe;

    private Browser() {}

    /**
     * Runs axe-core (the org.webjars.npm:axe-core test dependency) on the page the browser shows and fails on any
     * serious or critical violation, naming the rule and the elements. The driver hands the script in, the page does
     * not load it, so the pages' Content-Security-Policy (no script at all) stays as it is. axe-core runs
     * asynchronously, which needs JavaScript on ({@link #start} with {@code javascript} true; else
     * {@link #assertAccessible(String)}).
     */
    public static void assertAccessible(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        List<?> serious = (List<?>) driver.executeAsyncScript(axeSource() + "\n" + AXE_RUN);
        if (!serious.isEmpty())
            throw new AssertionError("accessibility of " + driver.getCurrentUrl() + ":\n"
                    + String.join("\n", serious.stream().map(String::valueOf).toList()));
    }

    /** {@link #assertAccessible(ChromeDriver)} on the page at {@code url}, in a browser of its own with scripts on. */
    public static void assertAccessible(String url) {
        ChromeDriver checker = start(true, 1200, 900);
        try {
            checker.get(url);
            assertAccessible(checker);
        } finally {
            checker.quit();
        }
    }

    private static synchronized String axeSource() {
        if (axe == null) axe = resource("axe-core/" + webjarVersion() + "/axe.min.js");
        return axe;
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in =
                Browser.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String resource(String path) {
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh browser (own profile, own cookies); {@code javascript} false turns page scripts off. */
    public static ChromeDriver start(boolean javascript, int width, int height) {
        return start(javascript, width, height, null);
    }

    /**
     * The same, with the languages its user chose ({@code acceptLanguage}, as Chromium sends them in
     * {@code Accept-Language}: "fr-CA,fr"); null keeps Chromium's own (en-US).
     */
    public static ChromeDriver start(boolean javascript, int width, int height, String acceptLanguage) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run");
        Map<String, Object> prefs = new HashMap<>();
        if (!javascript) prefs.put("profile.managed_default_content_settings.javascript", 2);
        if (acceptLanguage != null) prefs.put("intl.accept_languages", acceptLanguage);
        if (!prefs.isEmpty()) options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromium.driver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /**
     * Clicks a submit button and waits for the answer: a click returns before it loads, and the old page is gone
     * when it has. Chromium reports a page in the middle of being replaced with other errors than "stale" (its node
     * "does not belong to the document"), which mean the same.
     */
    /** Follows a link by its text and waits for the next page (a click returns before it loads). */
    public static void follow(ChromeDriver driver, String linkText) {
        submit(driver, driver.findElement(By.linkText(linkText)));
    }

    public static void submit(ChromeDriver driver, WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }
}
