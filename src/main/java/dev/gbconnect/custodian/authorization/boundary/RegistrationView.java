package dev.gbconnect.custodian.authorization.boundary;

import static dev.gbconnect.custodian.platform.JsonFactories.BUILDERS;
import static dev.gbconnect.custodian.platform.JsonFactories.READERS;

import dev.gbconnect.custodian.authorization.entity.Client;
import dev.gbconnect.custodian.authorization.entity.ClientSecret;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.net.URI;
import java.util.List;

/** RFC 7591 §3.2.1: a client's registration as answered, the registered metadata at the top level. */
final class RegistrationView {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private RegistrationView() {}

    /** With what the server assigned; {@code secret} only when just created, shown this once. */
    static JsonObject of(Client c, String secret, List<ClientSecret> active, URI registrationUri) {
        JsonObjectBuilder b = BUILDERS.createObjectBuilder().add("client_id", c.id());
        if (secret != null) b.add("client_secret", secret);
        b.add("client_id_issued_at", c.issuedAt().getEpochSecond());
        // 0: our secrets do not expire; they are rotated.
        if (!c.isPublic()) b.add("client_secret_expires_at", 0);
        b.add("registration_client_uri", registrationUri.toString())
                .add("status", c.status().name());
        try (JsonReader metadata = READERS.createReader(new StringReader(JSONB.toJson(c.registration())))) {
            metadata.readObject().forEach(b::add);
        }
        JsonArrayBuilder secrets = BUILDERS.createArrayBuilder();
        active.forEach(s -> secrets.add(BUILDERS.createObjectBuilder()
                .add("id", s.id())
                .add("created_at", s.createdAt().toString())));
        return b.add("secrets", secrets).build();
    }
}
