package dev.gbconnect.custodian.platform;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * What the layout of every customer-facing page (portal, consent, password reset) needs: where the portal is, the
 * language the page is written in, who is signed in (null on the sign-in and consent pages) with their form token,
 * which part of the portal the page is ({@code current}, for the navigation's {@code aria-current}) and the address
 * the language switcher brings the customer back to ({@code here}, a GET of the same page). Texts come from the
 * {@code portal/texts} bundle in the page's language (jte's {@link LocalizationSupport}); the look is the
 * {@link Brand}'s.
 */
public record CustomerFrame(String root, Locale locale, String customer, String csrf, String current, String here)
        implements LocalizationSupport {

    /** The signed-in portal's pages, by {@code current}, below {@code root}. */
    private static final Map<String, String> PAGES =
            Map.of("usage", "", "apps", "/apps", "api", "/api-access", "account", "/account");

    /** A signed-in page of the portal, whose address the switcher returns to follows from {@code current}. */
    public CustomerFrame(String root, Locale locale, String customer, String csrf, String current) {
        this(root, locale, customer, csrf, current, root + PAGES.getOrDefault(current == null ? "" : current, ""));
    }

    /**
     * A page before sign-in (sign-in, consent, password reset, an error): the language from the request's switcher
     * cookie or {@code Accept-Language}; {@code here} the path below the server's base the switcher returns to.
     */
    public static CustomerFrame signedOut(UriInfo uri, HttpHeaders headers, String here) {
        return new CustomerFrame(
                PublicUrl.path(uri, "portal"), language(headers), null, null, null, PublicUrl.path(uri, here));
    }

    /** The language of the page this request asks for: {@link #negotiate} over its cookie and Accept-Language. */
    public static Locale language(HttpHeaders headers) {
        var cookie = headers.getCookies().get(LANGUAGE_COOKIE);
        return negotiate(cookie == null ? null : cookie.getValue(), headers.getAcceptableLanguages());
    }

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

    /** A text as a string, its {@code {0}}-style parameters formatted in the page's language. */
    public String text(String key, Object... params) {
        return new MessageFormat(lookup(key), locale).format(params);
    }

    public boolean has(String key) {
        return texts(locale).containsKey(key);
    }

    /** A text with {@code {0}}-style parameters, each escaped. */
    public Content t(String key, Object... params) {
        return localize(key, params);
    }

    /** The {@code lang} attribute of the page. */
    public String language() {
        return locale.toLanguageTag();
    }

    /** The switcher's link to this page in {@code language}. */
    public String switchTo(Locale language) {
        return root + "/language?lang=" + language.getLanguage() + "&back="
                + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    /** A language's name in itself, as a speaker looks for it: English, Français, Español. */
    public static String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    /** A day as the page's language writes it (6 December 2027, 6 décembre 2027, 6 de diciembre de 2027). */
    public String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /**
     * The time zone sentence of a usage point's local time: "UTC−05:00, daylight saving time observed (UTC−04:00 in
     * summer)"; {@code summer} null where the clocks do not change.
     */
    public String zone(ZoneOffset standard, ZoneOffset summer) {
        return summer == null
                ? text("zone.fixed", offset(standard))
                : text("zone.dst", offset(standard), offset(summer));
    }

    /** UTC−05:00 with a real minus sign, as people write it. */
    public static String offset(ZoneOffset o) {
        return o.getTotalSeconds() == 0 ? "UTC" : "UTC" + o.getId().replace('-', '\u2212');
    }

    public Brand brand() {
        return Brand.current();
    }
}
