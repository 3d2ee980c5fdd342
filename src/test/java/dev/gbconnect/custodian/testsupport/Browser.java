package dev.gbconnect.custodian.testsupport;

import java.time.Duration;
import java.util.Map;
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

    private Browser() {}

    /** A fresh browser (own profile, own cookies); {@code javascript} false turns page scripts off. */
    public static ChromeDriver start(boolean javascript, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run");
        if (!javascript)
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
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
