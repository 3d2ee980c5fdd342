package dev.gbconnect.custodian.platform;

import gg.jte.Content;
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
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * Every error response, in one place, one mapper per protocol's closed set of errors ({@link Refusal}): the JSON
 * API's {@code {"error", "message", "problems"}} ({@link ApiError}, with the Bearer challenge for a
 * {@link BearerError}), the OAuth endpoints' {@code {"error", "error_description"}} that RFC 6749 §5.2 fixes
 * ({@link OAuthError}, and whatever JAX-RS itself refuses on those paths), an HTML page for a person
 * ({@link PageError}), and a redirect for an {@link AuthorizationError}; {@link #write} gives servlet filters the JSON
 * API's shape. Nothing else builds error responses; nothing lets a stack trace reach a client.
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
    public static void write(HttpServletResponse response, ApiError error, String message) throws IOException {
        response.setStatus(error.status());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON);
        String body = JsonFactories.BUILDERS
                .createObjectBuilder()
                .add("error", error.code())
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
            return respond(e.error().status(), e.error().code(), e.getMessage(), e.problems());
        }
    }

    /** RFC 6750 §3: the JSON API's body, with the Bearer challenge the error calls for. */
    @Provider
    public static class Bearer implements ExceptionMapper<BearerException> {
        @Override
        public Response toResponse(BearerException e) {
            Response r = respond(e.error().status().getStatusCode(), e.error().code(), e.getMessage(), null);
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

    /** A customer's error page: the refusal's texts in the frame's language. */
    public record CustomerError(CustomerFrame frame, String titleKey, String messageKey, Object[] params) {

        public Content message() {
            return params.length == 0 ? frame.t(messageKey) : frame.t(messageKey, params);
        }
    }

    @Provider
    public static class Page implements ExceptionMapper<PageException> {
        @Context
        UriInfo uri;

        @Context
        HttpHeaders headers;

        @Context
        Request request;

        @Override
        public Response toResponse(PageException e) {
            if (e.titleKey() == null || uri == null) return Html.error(e.error().status(), e.title(), e.getMessage());
            // The switcher comes back to a page that can be asked again: the same GET, or the portal.
            String here = "GET".equals(request.getMethod())
                    ? uri.getBaseUri().relativize(uri.getRequestUri()).toString()
                    : "portal";
            CustomerFrame frame = CustomerFrame.signedOut(uri, headers, here);
            return Templates.page(
                            e.error().status(),
                            "portal/error.jte",
                            new CustomerError(frame, e.titleKey(), e.messageKey(), e.params()))
                    .build();
        }
    }

    /**
     * RFC 6749 §4.1.2.1: the error goes back to the client in the redirect's query; never cached. 302, as in the
     * RFC's example and as GBA's harness expects of the authorization endpoint (GREEN-BUTTON-CMD.md OA-03).
     */
    @Provider
    public static class Redirect implements ExceptionMapper<AuthorizationRedirect> {
        @Override
        public Response toResponse(AuthorizationRedirect e) {
            return Response.status(Response.Status.FOUND)
                    .location(e.location())
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }

    /** A refusal found wrapped in another exception, answered by its own mapper. */
    static Response answer(Refusal refusal) {
        if (refusal instanceof ApiException e) return new Api().toResponse(e);
        if (refusal instanceof BearerException e) return new Bearer().toResponse(e);
        if (refusal instanceof OAuthException e) return new OAuth().toResponse(e);
        if (refusal instanceof PageException e) return new Page().toResponse(e);
        return new Redirect().toResponse((AuthorizationRedirect) refusal);
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
            ApiError error = switch (status) {
                case 404 -> ApiError.NOT_FOUND;
                case 405 -> ApiError.METHOD_NOT_ALLOWED;
                case 406 -> ApiError.NOT_ACCEPTABLE;
                case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
                default -> ApiError.INVALID_REQUEST;
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
                    ? oauth(status, OAuthError.INVALID_REQUEST.code(), message)
                    : respond(status, error.code(), message, null);
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
            Refusal refusal = causeOf(e, Refusal.class);
            if (refusal != null) return answer(refusal);
            if (causeOf(e, JsonbException.class) != null || causeOf(e, JsonException.class) != null) {
                String message = "the request body is not the JSON this resource expects";
                return speaksOAuth(uri.getPath())
                        ? new OAuth().toResponse(OAuthError.INVALID_REQUEST.because(message))
                        : new Api().toResponse(ApiError.INVALID_REQUEST.because(message));
            }
            if (causeOf(e, OutOfMemoryError.class) != null) return outOfMemory(e);
            SQLException database = causeOf(e, SQLException.class);
            if (database != null && isDatabaseAway(database.getSQLState())) return databaseAway(database);
            return log(e);
        }

        /**
         * SQLSTATE classes of PostgreSQL's Appendix A that say the database, not the request, failed for now: a
         * connection lost (08), a server shutting down or starting (57P01 to 57P03), and a query cancelled by a
         * conflict, which on a read replica is WAL replay removing rows the read still needs (40001, 40P01;
         * PostgreSQL's "Hot Standby" chapter, "Handling Query Conflicts").
         */
        static boolean isDatabaseAway(String state) {
            return state != null && (state.startsWith("08") || state.matches("57P0[123]|40001|40P01"));
        }

        /** RFC 9110 §15.6.4: the database (a read replica stopped or lagging, the primary restarting) will be back. */
        static Response databaseAway(SQLException e) {
            LOG.warning(
                    "the database could not answer a request (SQLState " + e.getSQLState() + "): " + e.getMessage());
            return unavailable(
                    "the database could not answer this request for now (SQLState " + e.getSQLState()
                            + "); retry after the seconds in Retry-After",
                    1);
        }

        /**
         * The server, not the request, ran short: RFC 9110 §15.6.4, try again later. RollbackOnError has already
         * rolled the transaction back, so the answer can say that nothing was kept.
         */
        static Response outOfMemory(Throwable e) {
            LOG.log(Level.SEVERE, "out of memory while answering a request; its transaction was rolled back", e);
            return unavailable(
                    "the server ran out of memory for this request, which changed nothing; try again later", 60);
        }

        /** 503 {@code temporarily_unavailable} with Retry-After: the server, not the request, will be able again. */
        private static Response unavailable(String why, int retryAfterSeconds) {
            return Response.fromResponse(new Api().toResponse(ApiError.TEMPORARILY_UNAVAILABLE.because(why)))
                    .header("Retry-After", retryAfterSeconds)
                    .build();
        }

        static Response log(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
            return new Api()
                    .toResponse(ApiError.SERVER_ERROR.because(
                            "internal error; quote reference " + reference + " to the operator"));
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
