package dev.gbconnect.custodian.testsupport;

import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium, from Debian's chromium and chromium-driver packages (.ci/run installs them), so no
 * driver is downloaded. Override the paths with -Dchromium.binary and -Dchromium.driver.
 */
public final class Browser {

    private Browser() {
    }

    /** A fresh browser (own profile, own cookies); {@code javascript} false turns page scripts off. */
    public static ChromeDriver start(boolean javascript, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run");
        if (!javascript) options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromium.driver", "/usr/bin/chromedriver"))).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }
}
