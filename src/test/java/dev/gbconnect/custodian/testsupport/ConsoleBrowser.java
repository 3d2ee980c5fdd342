package dev.gbconnect.custodian.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A member of staff at the operator console in headless Chromium: signing in, moving about, filling and sending forms,
 * and the session and form token for requests made beside the browser. The operator is the one the shared server is
 * configured with.
 */
public final class ConsoleBrowser {

    public static final String OPERATOR = "it-operator", OPERATOR_PASSWORD = "it-operator-password-for-tests-only";

    private final ChromeDriver browser;
    private final URI base;

    public ConsoleBrowser(ChromeDriver browser, URI base) {
        this.browser = browser;
        this.base = base;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void signIn(String username, String password) {
        browser.get(base.resolve("console").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "signed out, the console is its sign-in page");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.submit(browser, browser.findElement(By.cssSelector("main > form button[type=submit]")));
    }

    public String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    public void go(String relative) {
        browser.get(base.resolve("console" + relative).toString());
    }

    public void fill(String id, String value) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(value);
    }

    public void press(String label) {
        Browser.submit(browser, browser.findElement(By.xpath("//button[normalize-space()='" + label + "']")));
    }

    /** The session cookie, as a header for requests made beside the browser. */
    public String session() {
        return "custodian_console="
                + browser.manage().getCookieNamed("custodian_console").getValue();
    }

    public String csrf() {
        return browser.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
    }

    public static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2)
            b.append(i == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        return b.toString();
    }

    /** As the operator: a staff account with this role, whose password is its username twice. */
    public String staff(String role) {
        String username = unique(role);
        signIn(OPERATOR, OPERATOR_PASSWORD);
        go("/staff");
        fill("staff-username", username);
        fill("staff-name", "Staff " + username);
        new Select(browser.findElement(By.id("staff-role"))).selectByVisibleText(role);
        fill("staff-password", username + username);
        press("Create staff account");
        assertTrue(text().contains(username), text());
        signOut();
        return username;
    }

    public void signOut() {
        press("Sign out");
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
    }
}
