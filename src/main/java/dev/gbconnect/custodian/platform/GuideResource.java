package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The large-customer guide (docs/large-customer-guide.md, which the build puts in the WAR), served by the server so
 * the portal's Personal API access page can link to it wherever the server runs. Markdown reads as plain text, which
 * every browser shows rather than downloads; a client that asks for text/markdown gets that type.
 */
@Path(GuideResource.PATH)
public class GuideResource {

    /** Below the server's root. */
    public static final String PATH = "docs/large-customer-guide.md";

    private static final byte[] GUIDE = read();

    @GET
    @Produces({"text/plain; charset=utf-8", "text/markdown; charset=utf-8"})
    public Response guide() {
        return Response.ok(GUIDE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }

    private static byte[] read() {
        try (InputStream in = GuideResource.class.getResourceAsStream("/docs/large-customer-guide.md")) {
            if (in == null) throw new IllegalStateException("the WAR lacks docs/large-customer-guide.md");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
