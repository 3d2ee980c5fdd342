package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerFrameTest {

    @Test
    void theSwitchersChoiceWinsThenTheBrowsersFirstShippedLanguageThenEnglish() {
        List<Locale> browser = List.of(Locale.GERMAN, Locale.forLanguageTag("es-MX"), Locale.FRENCH);
        assertEquals("fr", CustomerFrame.negotiate("fr", browser).getLanguage());
        assertEquals("es", CustomerFrame.negotiate(null, browser).getLanguage());
        assertEquals("es", CustomerFrame.negotiate("de", browser).getLanguage());
        assertEquals("en", CustomerFrame.negotiate(null, List.of(Locale.GERMAN)).getLanguage());
        assertEquals("en", CustomerFrame.negotiate(null, List.of()).getLanguage());
    }

    /** Each file carries every key itself: a missing French text must not quietly fall back to English. */
    @Test
    void everyTextIsInEveryShippedLanguage() throws IOException {
        Set<Object> english = texts("").keySet();
        assertFalse(english.isEmpty());
        for (Locale l : CustomerFrame.LANGUAGES.subList(1, CustomerFrame.LANGUAGES.size()))
            assertEquals(english, texts("_" + l.getLanguage()).keySet(), "texts of " + l);
        assertEquals(
                "Applications connectées", CustomerFrame.texts(Locale.FRENCH).getString("nav.apps"));
    }

    private static Properties texts(String suffix) throws IOException {
        Properties p = new Properties();
        try (var in = CustomerFrameTest.class.getResourceAsStream("/portal/texts" + suffix + ".properties");
                var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    @Test
    void theLayoutEscapesTheCustomersNameAndMarksTheCurrentPage() {
        TemplateEngine engine = TemplateEngine.createPrecompiled(
                null, ContentType.Html, getClass().getClassLoader(), "gg.jte.generated.precompiled");
        StringOutput out = new StringOutput();
        CustomerFrame frame = new CustomerFrame("/portal", Locale.FRENCH, "<b>Ann</b>", "tok", "apps");
        engine.render(
                "portal/layout.jte", Map.of("frame", frame, "title", "T", "content", (gg.jte.Content) o -> {}), out);
        String html = out.toString();
        assertTrue(html.contains("lang=\"fr\""), html);
        assertTrue(html.contains("&lt;b>Ann&lt;/b>") || html.contains("&lt;b&gt;Ann&lt;/b&gt;"), html);
        assertTrue(html.contains("href=\"/portal/apps\" aria-current=\"page\""), html);
        assertFalse(html.contains("aria-current=\"\""), html);
        assertTrue(html.contains("Applications connectées"), html);
    }
}
