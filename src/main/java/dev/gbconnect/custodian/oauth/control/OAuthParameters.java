package dev.gbconnect.custodian.oauth.control;

import static dev.gbconnect.custodian.platform.JsonFactories.PARSERS;

import dev.gbconnect.custodian.platform.OAuthError;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The parameters of a token, revocation or introspection request, read strictly by hand rather than by JAX-RS'
 * form reader, so that every malformed request gets an RFC 6749 §5.2 answer: a body that is
 * {@code application/x-www-form-urlencoded} in UTF-8 (Appendix B), or a JSON object of strings where the endpoint
 * takes it; a bad escape, bytes that are not UTF-8 or another media type are refused, an empty body is no
 * parameters. A parameter given twice is refused later, with its name ({@link TokenRequest}).
 */
public final class OAuthParameters {

    private OAuthParameters() {}

    /**
     * A POST's parameters. {@code gbaHarness}: also those of the query string, as GBA's test harness sends them
     * (OA-09), a documented deviation; otherwise a query is refused, as client credentials must never be in a URL
     * (RFC 6749 §2.3.1).
     */
    public static Map<String, List<String>> post(
            String contentType, byte[] body, String rawQuery, boolean json, boolean gbaHarness) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            if (!gbaHarness)
                throw OAuthError.INVALID_REQUEST.because(
                        "send the parameters in the form-url-encoded request body, not in the URL (RFC 6749 §3.2)");
            form(rawQuery.getBytes(StandardCharsets.ISO_8859_1), parameters);
        }
        if (body.length == 0) return parameters;
        MediaType type = mediaType(contentType);
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            form(body, parameters);
        } else if (json && type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            json(body, parameters);
        } else {
            throw OAuthError.UNSUPPORTED_MEDIA_TYPE.because("the body must be application/x-www-form-urlencoded"
                    + (json ? " or application/json" : "") + ", not " + (type == null ? "unlabelled" : type));
        }
        return parameters;
    }

    /** A GET's parameters: none, except the query's for GBA's test harness (which only ever gets an error). */
    public static Map<String, List<String>> get(String rawQuery, boolean gbaHarness) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (gbaHarness && rawQuery != null) form(rawQuery.getBytes(StandardCharsets.ISO_8859_1), parameters);
        return parameters;
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) return null;
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw OAuthError.UNSUPPORTED_MEDIA_TYPE.because("Content-Type " + contentType + " is not a media type");
        }
    }

    /** HTML's form-url-encoding: {@code &}-separated {@code name=value}, {@code +} for space, {@code %XX} bytes. */
    private static void form(byte[] encoded, Map<String, List<String>> parameters) {
        int start = 0;
        while (start <= encoded.length) {
            int end = start;
            while (end < encoded.length && encoded[end] != '&') end++;
            if (end > start) {
                int equals = start;
                while (equals < end && encoded[equals] != '=') equals++;
                String name = decode(encoded, start, equals);
                String value = equals < end ? decode(encoded, equals + 1, end) : "";
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
    }

    private static String decode(byte[] encoded, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = encoded[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(encoded[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded[i + 2], 16);
                if (low < 0)
                    throw OAuthError.INVALID_REQUEST.because(
                            "the parameters are not form-url-encoded: % must be followed by two hex digits");
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.INVALID_REQUEST.because("the parameters are not UTF-8 (RFC 6749 Appendix B)");
        }
    }

    /** A JSON object whose members are all strings; a member given twice counts as a parameter given twice. */
    private static void json(byte[] body, Map<String, List<String>> parameters) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) throw notAnObject();
            for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                String name = parser.getString();
                if (parser.next() != JsonParser.Event.VALUE_STRING)
                    throw OAuthError.INVALID_REQUEST.because("parameter " + name + " must be a JSON string");
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(parser.getString());
            }
            if (parser.hasNext()) throw notAnObject();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw notAnObject();
        }
    }

    private static RuntimeException notAnObject() {
        return OAuthError.INVALID_REQUEST.because("the body must be one JSON object whose members are strings");
    }
}
