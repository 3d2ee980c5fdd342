package dev.gbconnect.custodian.platform;

import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * How a page a person sees in a browser (sign-in and consent, the customer portal) refuses a request, each with its
 * one status. {@link ErrorMappers} answers with an HTML page under the title of the page that refused.
 */
public enum PageError {
    /** A form sent wrong, or a page used out of order. */
    INVALID(Response.Status.BAD_REQUEST),
    /** A redirect address the client did not register: never followed (RFC 9700 §4.1.3; GBA OA-04 reads 403). */
    FOREIGN_REDIRECT(Response.Status.FORBIDDEN),
    /**
     * A missing or unknown client_id in harness mode only: GBA's harness reads 401 (OA-04), a status RFC 9110 §15.5.2
     * keeps for answers with a challenge, so outside harness mode it is {@link #INVALID}.
     */
    UNKNOWN_CLIENT_HARNESS(Response.Status.UNAUTHORIZED),
    /** The session ended: sign in again. */
    SIGNED_OUT(Response.Status.UNAUTHORIZED),
    /** The person is signed in, but their role does not allow this. */
    FORBIDDEN(Response.Status.FORBIDDEN),
    /** What the form would create exists already. */
    CONFLICT(Response.Status.CONFLICT),
    /** What the page names does not exist, or not for this person. */
    NOT_FOUND(Response.Status.NOT_FOUND),
    /** A form over custodian.max-form-bytes. */
    TOO_LARGE(Response.Status.REQUEST_ENTITY_TOO_LARGE),
    /** A server the page depends on (the staff's identity provider) did not answer, or not as it should. */
    PROVIDER_FAILED(Response.Status.BAD_GATEWAY);

    private final Response.Status status;

    PageError(Response.Status status) {
        this.status = status;
    }

    public Response.Status status() {
        return status;
    }

    /** This error, shown under {@code title} with {@code message} saying what to do. */
    public PageException on(String title, String message) {
        return new PageException(this, title, message, null, null, new Object[0]);
    }

    /**
     * This error on a page a customer sees: its title and message are the texts {@code titleKey} and
     * {@code messageKey} of {@link CustomerFrame#texts}, shown in the customer's language; {@code params} fill the
     * message's {@code {0}}-style places.
     */
    public PageException customer(String titleKey, String messageKey, Object... params) {
        var english = CustomerFrame.texts(CustomerFrame.LANGUAGES.get(0));
        String message = params.length == 0
                ? english.getString(messageKey)
                : new MessageFormat(english.getString(messageKey), Locale.ENGLISH).format(params);
        return new PageException(this, english.getString(titleKey), message, titleKey, messageKey, params);
    }
}
