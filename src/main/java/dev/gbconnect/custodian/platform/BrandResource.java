package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The utility's logo from the overlay directory ({@link Brand}), for the pages' {@code img-src 'self'}. */
@Path("portal/logo")
public class BrandResource {

    @GET
    public Response logo() {
        Brand.Logo logo = Brand.current().logo();
        if (logo == null) return Response.status(Response.Status.NOT_FOUND).build();
        // An SVG opened on its own is a document: it may run nothing and load nothing.
        return Response.ok(logo.bytes(), logo.type())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }
}
