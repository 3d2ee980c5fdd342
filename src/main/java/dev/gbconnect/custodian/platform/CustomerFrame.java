package dev.gbconnect.custodian.platform;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the layout of every customer-facing page (portal, consent, password reset) needs: where the portal is, the
 * language the page is written in, who is signed in (null on the sign-in and consent pages) with their form token,
 * and which part of the portal the page is ({@code current}, for the navigation's {@code aria-current}). Texts come
 * from the {@code portal/texts} bundle in the page's language (jte's {@link LocalizationSupport}).
 */
public record CustomerFrame(String root, Locale locale, String customer, String csrf, String current)
        implements LocalizationSupport {

    /** The languages shipped: North American utilities serve customers in all three. The first is the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));

    /** The language switcher's choice; it wins over the browser's {@code Accept-Language}. */
    public static final String LANGUAGE_COOKIE = "custodian_lang";

    /**
     * The page's language: the switcher's cookie when it names a shipped language, else the first shipped language in
     * the browser's preference order ({@code acceptable}, as JAX-RS sorts {@code Accept-Language}), else English.
     */
    public static Locale negotiate(String cookie, List<Locale> acceptable) {
        if (cookie != null)
            for (Locale shipped : LANGUAGES) if (shipped.getLanguage().equals(cookie)) return shipped;
        for (Locale wanted : acceptable)
            for (Locale shipped : LANGUAGES) if (shipped.getLanguage().equals(wanted.getLanguage())) return shipped;
        return LANGUAGES.get(0);
    }

    public static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(
                "portal.texts", locale, CustomerFrame.class.getClassLoader(), NO_SYSTEM_FALLBACK);
    }

    /** Without it a French page on a machine whose default locale is Spanish would fall back to Spanish. */
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public String lookup(String key) {
        return texts(locale).getString(key);
    }

    /** A text of the bundle, escaped where it is used. */
    public Content t(String key) {
        return localize(key);
    }

    /** A text with {@code {0}}-style parameters, each escaped. */
    public Content t(String key, Object... params) {
        return localize(key, params);
    }

    /** The {@code lang} attribute of the page. */
    public String language() {
        return locale.toLanguageTag();
    }
}
