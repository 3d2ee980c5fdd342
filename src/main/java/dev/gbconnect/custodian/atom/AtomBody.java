package dev.gbconnect.custodian.atom;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;

/** What a resource writes into an Atom document; {@link #stream} makes it a response body. */
@FunctionalInterface
public interface AtomBody {

    String MEDIA_TYPE = "application/atom+xml";

    void write(AtomWriter atom) throws Exception;

    /**
     * The document as a streamed body. A failure after the first byte cannot change the status any more, so the
     * document is left unclosed and the connection cut: a client sees a broken document, never a short valid one.
     */
    static StreamingOutput stream(AtomBody body) {
        return out -> {
            try {
                AtomWriter atom = new AtomWriter(out);
                body.write(atom);
                atom.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("writing the Atom document failed", e);
            }
        };
    }
}
