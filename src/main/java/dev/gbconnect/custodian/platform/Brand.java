package dev.gbconnect.custodian.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The utility's look on every customer-facing page, set at start without a rebuild: its name, colours, support
 * contact and legal links from settings, a logo and extra CSS from the overlay directory {@code custodian.brand.dir}
 * ({@code logo.svg} or {@code logo.png}, {@code brand.css}). The sheet stays inline and is admitted by its hash,
 * so the Content-Security-Policy stays as strict as without branding.
 */
public record Brand(
        String name,
        String colour,
        String background,
        String support,
        String privacyUrl,
        String termsUrl,
        Logo logo,
        String css) {

    /** The logo's bytes and media type, served at {@code portal/logo}. */
    public record Logo(byte[] bytes, String type) {}

    /** The look of the shipped pages, until the settings are read at start (and in unit tests). */
    public static final Brand DEFAULT =
            new Brand("Green Button data custodian", "#2d6a2d", "#f5f7f5", null, null, null, null, "");

    private static volatile Brand current = DEFAULT;

    /** What the customer-facing pages add to the shared sheet: the header with logo and name, the footer. */
    private static final String FRAME_STYLE = """
            header,footer{max-width:34rem;margin:0 auto;padding:1rem 1rem 0;display:flex;flex-wrap:wrap;align-items:center;gap:.8rem}
            header img{max-height:3rem;max-width:10rem}
            header .utility{font-weight:600;flex:1}
            footer{padding-bottom:1.5rem;font-size:.9rem}
            """;

    public static Brand current() {
        return current;
    }

    /** Reads the settings and the overlay directory once; SettingsCheck has checked their form already. */
    static void load(Config config) {
        Optional<Path> dir =
                config.getOptionalValue("custodian.brand.dir", String.class).map(Path::of);
        current = new Brand(
                config.getValue("custodian.utility-name", String.class),
                config.getOptionalValue("custodian.brand.colour", String.class).orElse(DEFAULT.colour),
                config.getOptionalValue("custodian.brand.background", String.class)
                        .orElse(DEFAULT.background),
                config.getOptionalValue("custodian.brand.support", String.class).orElse(null),
                config.getOptionalValue("custodian.brand.privacy-url", String.class)
                        .orElse(null),
                config.getOptionalValue("custodian.brand.terms-url", String.class)
                        .orElse(null),
                dir.map(Brand::logo).orElse(null),
                dir.map(d -> d.resolve("brand.css"))
                        .filter(Files::isRegularFile)
                        .map(Brand::read)
                        .orElse(""));
    }

    private static Logo logo(Path dir) {
        if (Files.isRegularFile(dir.resolve("logo.svg")))
            return new Logo(bytes(dir.resolve("logo.svg")), "image/svg+xml");
        if (Files.isRegularFile(dir.resolve("logo.png"))) return new Logo(bytes(dir.resolve("logo.png")), "image/png");
        return null;
    }

    /** The customer pages' whole inline sheet: the shared one, the frame's, the colours, then the overlay's CSS. */
    public String sheet() {
        return Html.STYLE
                + FRAME_STYLE
                + "body{background:%s}a{color:%s}button{border-color:%s}button.primary{background:%s}\n"
                        .formatted(background, colour, colour, colour)
                + css;
    }

    /** The CSP source that admits {@link #sheet()}. */
    public String hash() {
        return "'sha256-" + Base64.getEncoder().encodeToString(PasswordHash.sha256(sheet())) + "'";
    }

    private static String read(Path file) {
        String css = new String(bytes(file), StandardCharsets.UTF_8);
        // Inline in a <style> element, "</" would end it early and let the rest be read as markup.
        if (css.contains("</")) throw new IllegalStateException(file + " must not contain \"</\"");
        return css;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("custodian.brand.dir: cannot read " + file, e);
        }
    }
}
