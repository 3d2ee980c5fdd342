package dev.gbconnect.custodian.feed.control;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import javax.xml.stream.XMLStreamException;

/** What a resource writes into an Atom document; {@link #stream} makes it a response body. */
@FunctionalInterface
public interface AtomBody {

    String MEDIA_TYPE = "application/atom+xml";

    void write(AtomWriter atom) throws XMLStreamException;

    static StreamingOutput stream(AtomBody body) {
        return out -> {
            try (AtomWriter atom = new AtomWriter(out)) {
                body.write(atom);
            } catch (XMLStreamException e) {
                throw new IOException("writing the Atom document failed", e);
            }
        };
    }
}
