package dev.gbconnect.custodian.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error response of the API, in one place and one shape: {@code {"error", "message", "problems"}}.
 * Nothing else builds error responses; nothing lets a stack trace reach a client.
 */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {
    }

    @JsonbPropertyOrder({"error", "message", "problems"})
    public record ErrorBody(String error, String message, List<String> problems) {
    }

    static Response respond(int status, String error, String message, List<String> problems) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(new ErrorBody(error, message, problems)).build();
    }

    @Provider
    public static class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            Response r = respond(e.status().getStatusCode(), e.error(), e.getMessage(), e.problems());
            if (e.status() == Response.Status.UNAUTHORIZED) {
                return Response.fromResponse(r).header("WWW-Authenticate", "Basic realm=\"custodian\"").build();
            }
            return r;
        }
    }

    /** JAX-RS' own refusals (unknown path, wrong method, unsupported media type), in our shape. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
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
            Response r = respond(status, error, e.getMessage(), null);
            String allow = e.getResponse().getHeaderString("Allow");
            return allow == null ? r : Response.fromResponse(r).header("Allow", allow).build();
        }
    }

    /** A bug: the client gets a reference to quote, the log gets the stack trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            ApiException api = causeOf(e, ApiException.class);
            if (api != null) return new Api().toResponse(api);
            return log(e);
        }

        static Response log(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
            return respond(500, "server_error", "internal error; quote reference " + reference + " to the operator", null);
        }
    }

    /** Transaction interceptors wrap what a bean threw; the original refusal is somewhere in the chain. */
    public static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
