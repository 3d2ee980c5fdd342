package dev.gbconnect.custodian.atom;

import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.ws.rs.core.UriInfo;

/** The absolute URIs of ESPI resources that token responses, Authorizations and notices point at. */
public record EspiUris(String base) {

    public static final String RESOURCE = "espi/1_1/resource/";

    /** From the public URL, or the request's own base URI, so the answer names the host and scheme the caller used. */
    public static EspiUris of(UriInfo uri) {
        return new EspiUris(PublicUrl.base(uri).toString());
    }

    public String resource(String path) {
        return base + RESOURCE + path;
    }
}
