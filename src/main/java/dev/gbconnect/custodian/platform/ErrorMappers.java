package dev.gbconnect.custodian.platform;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * Every error response of the API, in one place and one shape: {@code {"error", "message", "problems"}}, except
 * the OAuth endpoints', which RFC 6749 §5.2 fixes as {@code {"error", "error_description"}} ({@link OAuthException},
 * and whatever JAX-RS itself refuses on those paths), errors shown to a person (an HTML page), and authorization
 * errors a client learns by redirect; {@link #write} gives servlet filters the same shape. Nothing else builds error
 * responses; nothing lets a stack trace reach a client.
 */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());
    /** The token, revocation, introspection and registration endpoints; not the consent pages beside them. */
    private static final Pattern OAUTH_PATHS = Pattern.compile("/?oauth/(token|revoke|introspect|register(/.*)?)/?");

    private ErrorMappers() {}

    @JsonbPropertyOrder({"error", "message", "problems"})
    public record ErrorBody(String error, String message, List<String> problems) {}

    @JsonbPropertyOrder({"error", "error_description"})
    public record OAuthErrorBody(
            String error,
            @JsonbProperty("error_description") String description) {}

    /** The same shape for a refusal made in a servlet filter, before JAX-RS and its mappers see the request. */
    public static void write(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON);
        String body = JsonFactories.BUILDERS
                .createObjectBuilder()
                .add("error", error)
                .add("message", message)
                .build()
                .toString();
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Do errors at this path (as {@code UriInfo.getPath()} gives it) take the OAuth shape? */
    public static boolean speaksOAuth(String path) {
        return OAUTH_PATHS.matcher(path).matches();
    }

    /** RFC 6749 §5.2: the body, no caching, and the Basic challenge on 401 (the token endpoint's client authentication). */
    static Response oauth(int status, String error, String description) {
        Response.ResponseBuilder r = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(new OAuthErrorBody(error, description));
        if (status == Response.Status.UNAUTHORIZED.getStatusCode())
            r.header("WWW-Authenticate", "Basic realm=\"custodian\"");
        return r.build();
    }

    static Response respond(int status, String error, String message, List<String> problems) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(new ErrorBody(error, message, problems))
                .build();
    }

    @Provider
    public static class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            if (e.location() != null)
                return Response.status(e.status())
                        .location(e.location())
                        .header("Cache-Control", "no-store")
                        .build();
            if (e.pageTitle() != null) return Html.error(e.status(), e.pageTitle(), e.getMessage());
            Response r = respond(e.status().getStatusCode(), e.error(), e.getMessage(), e.problems());
            if (e.retryAfter() != null)
                r = Response.fromResponse(r)
                        .header("Retry-After", e.retryAfter())
                        .build();
            return e.challenge() == null
                    ? r
                    : Response.fromResponse(r)
                            .header("WWW-Authenticate", e.challenge())
                            .build();
        }
    }

    @Provider
    public static class OAuth implements ExceptionMapper<OAuthException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(OAuthException e) {
            // Token refusals by error code on /metrics (Observation); null when called by Unexpected below.
            if (request != null)
                request.setAttribute(Observation.OAUTH_ERROR, e.error().code());
            Response r = oauth(e.error().status().getStatusCode(), e.error().code(), e.getMessage());
            return e.retryAfter() == null
                    ? r
                    : Response.fromResponse(r)
                            .header("Retry-After", e.retryAfter())
                            .build();
        }
    }

    /** JAX-RS' own refusals (unknown path, wrong method, unsupported media type), in our shape or OAuth's. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {

        @Context
        HttpHeaders headers;

        @Context
        UriInfo uri;

        @Context
        Request request;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) return Unexpected.log(e);
            String error = switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406 -> "not_acceptable";
                case 415 -> "unsupported_media_type";
                default -> "invalid_request";
            };
            String message = switch (status) {
                case 404 -> "nothing at /" + uri.getPath();
                case 405 -> request.getMethod() + " is not allowed on /" + uri.getPath();
                case 415 ->
                    "Content-Type " + headers.getMediaType() + " is not accepted by /" + uri.getPath()
                            + " (Green Button uploads take application/atom+xml or application/xml; admin calls take application/json)";
                default -> e.getMessage();
            };
            Response r = speaksOAuth(uri.getPath())
                    ? oauth(status, "invalid_request", message)
                    : respond(status, error, message, null);
            String allow = e.getResponse().getHeaderString("Allow");
            return allow == null
                    ? r
                    : Response.fromResponse(r).header("Allow", allow).build();
        }
    }

    /** A bug: the client gets a reference to quote, the log gets the stack trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            ApiException api = causeOf(e, ApiException.class);
            if (api != null) return new Api().toResponse(api);
            OAuthException oauth = causeOf(e, OAuthException.class);
            if (oauth != null) return new OAuth().toResponse(oauth);
            if (causeOf(e, JsonbException.class) != null || causeOf(e, JsonException.class) != null) {
                String message = "the request body is not the JSON this resource expects";
                return speaksOAuth(uri.getPath())
                        ? oauth(400, "invalid_request", message)
                        : respond(400, "invalid_request", message, null);
            }
            if (causeOf(e, OutOfMemoryError.class) != null) return outOfMemory(e);
            return log(e);
        }

        /**
         * The server, not the request, ran short: RFC 9110 §15.6.4, try again later. RollbackOnError has already
         * rolled the transaction back, so the answer can say that nothing was kept.
         */
        static Response outOfMemory(Throwable e) {
            LOG.log(Level.SEVERE, "out of memory while answering a request; its transaction was rolled back", e);
            return Response.fromResponse(respond(
                            503,
                            "temporarily_unavailable",
                            "the server ran out of memory for this request, which changed nothing; try again later",
                            null))
                    .header("Retry-After", 60)
                    .build();
        }

        static Response log(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
            return respond(
                    500, "server_error", "internal error; quote reference " + reference + " to the operator", null);
        }
    }

    /** Transaction interceptors wrap what a bean threw; the original refusal is somewhere in the chain. */
    public static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (type.isInstance(t)) return type.cast(t);
            Throwable next = t.getCause();
            // the JDK's StAX parser keeps the underlying I/O error as a "nested exception", not always as the cause
            if (next == null && t instanceof XMLStreamException x) next = x.getNestedException();
            t = next;
        }
        return null;
    }
}
