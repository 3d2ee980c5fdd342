package dev.gbconnect.custodian.testsupport;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The portal's usage table (the charts' readable alternative), as a browser shows it. */
public final class UsageTable {

    private UsageTable() {}

    public static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("table.usage tbody tr"));
    }

    /** The cells of the table's row named {@code name}. */
    public static List<String> row(WebDriver browser, String name) {
        for (WebElement tr : rows(browser))
            if (tr.findElement(By.tagName("th")).getText().equals(name))
                return tr.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .toList();
        throw new AssertionError("no row " + name + " in "
                + browser.findElement(By.cssSelector("table.usage")).getText());
    }
}
