package dev.gbconnect.custodian.portal.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Api;
import dev.gbconnect.custodian.testsupport.Browser;
import dev.gbconnect.custodian.testsupport.DatabaseNeutral;
import dev.gbconnect.custodian.testsupport.Shared;
import java.net.URI;
import java.net.URL;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The frame of the customer pages one reaches without signing in (portal sign-in, scope selection, error pages): the
 * language from Accept-Language or the switcher, the switcher's way back, the style's CSP hash, and axe-core in each
 * language. The consent pages' own walk is ConsentPageIT's.
 */
@ExtendWith(ArquillianExtension.class)
@DatabaseNeutral
class CustomerPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Shared.war();
    }

    @ArquillianResource
    URL url;

    URI base;
    Api anonymous;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        anonymous = new Api(base, null, null);
    }

    @Test
    void signInPageWhenBrowserPrefersALanguageThenTheFirstShippedOneUnlessTheSwitcherChoseAnother() {
        Map<String, String> headings = Map.of(
                "es-MX,es;q=0.9", "Inicie sesión para ver sus datos de energía",
                "de-DE,de;q=0.9,fr;q=0.5", "Connectez-vous à vos données énergétiques",
                "de", "Sign in to your energy data");
        headings.forEach((accept, heading) -> {
            String page =
                    anonymous.get("portal/sign-in", "Accept-Language", accept).body();
            assertTrue(page.contains("<h1>" + heading + "</h1>"), accept + ": " + page);
        });
        String chosen = anonymous
                .get("portal/sign-in", "Accept-Language", "fr", "Cookie", "custodian_lang=es")
                .body();
        assertTrue(chosen.contains("<html lang=\"es\">"), chosen);
    }

    @Test
    void errorPageWhenTheRequestIsUnknownThenItSaysSoInTheCustomersLanguage() {
        Api.Reply french = anonymous.get("oauth/authorize/consent?request=gone", "Accept-Language", "fr-CA");
        assertEquals(400, french.status());
        assertTrue(french.body().contains("<h1>Cette page a expiré</h1>"), french.body());
        Api.Reply english = anonymous.get("oauth/authorize/consent?request=gone");
        assertTrue(english.body().contains("<h1>This page has expired</h1>"), english.body());
    }

    @Test
    void switcherWhenAskedToGoElsewhereThenStaysOnThisServer() {
        String own = base.getRawPath();
        Api.Reply back = anonymous.get("portal/language?lang=fr&back=" + own + "oauth/scope-selection");
        assertEquals(303, back.status());
        assertEquals(base.resolve("oauth/scope-selection"), URI.create(back.header("Location")));
        assertTrue(back.header("Set-Cookie").startsWith("custodian_lang=fr;"), back.header("Set-Cookie"));
        for (String away : List.of("//evil.example/x", "https://evil.example/", "%zz")) {
            Api.Reply refused = anonymous.get("portal/language?lang=es&back=" + away.replace("%", "%25"));
            assertEquals(base.resolve("portal"), URI.create(refused.header("Location")), away);
        }
    }

    /** The inline sheet is the Brand's, admitted by its own hash: a strict CSP without 'unsafe-inline'. */
    @Test
    void styleWhenInlineThenAdmittedByItsHash() throws Exception {
        Api.Reply page = anonymous.get("portal/sign-in");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
        assertTrue(style.find(), page.body());
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(style.group(1).getBytes("UTF-8")));
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("'sha256-" + hash + "'"), csp);
        assertTrue(!csp.contains("unsafe-inline"), csp);
    }

    @Test
    void pagesWithoutSignInWhenCheckedByAxeInEachLanguageThenNoSeriousViolation() {
        ChromeDriver browser = Browser.start(true, 1200, 900);
        try {
            for (String language : List.of("English", "Français", "Español")) {
                for (String page : List.of("portal/sign-in", "oauth/scope-selection", "oauth/authorize/sign-in")) {
                    browser.get(base.resolve(page).toString());
                    Browser.submit(browser, browser.findElement(By.linkText(language)));
                    Browser.assertAccessible(browser);
                }
            }
        } finally {
            browser.quit();
        }
    }
}
