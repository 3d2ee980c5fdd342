package dev.gbconnect.custodian.platform;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParserFactory;
import java.util.Map;

/**
 * JSON-P factories made once. {@code Json.createObjectBuilder()} and friends look the provider up through the
 * ServiceLoader on every call, which in Payara scans the class path: it cut a trivial endpoint to a few hundred
 * requests a second.
 */
public final class JsonFactories {

    public static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    public static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonFactories() {}
}
