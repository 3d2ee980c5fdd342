package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The language switcher of every customer-facing page ({@link CustomerFrame}): a plain link, so it works without
 * JavaScript; it remembers the choice in a cookie for all our pages and returns to the page it came from. Only to
 * one of our own pages: anything else would make this an open redirect.
 */
@Path("portal/language")
public class LanguageResource {

    private static final int A_YEAR = 365 * 24 * 3600;

    @Context
    UriInfo uri;

    @GET
    public Response choose(@QueryParam("lang") String lang, @QueryParam("back") String back) {
        String language = CustomerFrame.negotiate(lang, List.of()).getLanguage();
        String own = PublicUrl.path(uri, "");
        NewCookie cookie = new NewCookie.Builder(CustomerFrame.LANGUAGE_COOKIE)
                .value(language)
                .path(own)
                .maxAge(A_YEAR)
                .httpOnly(true)
                .secure("https".equals(PublicUrl.base(uri).getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return Response.seeOther(PublicUrl.base(uri).resolve(back(back, own)))
                .cookie(cookie)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** {@code back} when it is a path on this server, else the portal. */
    private static URI back(String back, String own) {
        try {
            URI u = back == null ? null : new URI(back);
            if (u != null && !u.isAbsolute() && u.getRawAuthority() == null && back.startsWith(own)) return u;
        } catch (URISyntaxException malformed) {
            // answered like a missing one
        }
        return URI.create(own + "portal");
    }
}
