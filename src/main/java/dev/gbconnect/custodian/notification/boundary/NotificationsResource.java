package dev.gbconnect.custodian.notification.boundary;

import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.notification.control.Deliveries;
import dev.gbconnect.custodian.notification.control.Outbox;
import dev.gbconnect.custodian.notification.entity.Notification;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The outbox for the data custodian's staff: what was sent, what is waiting, what is dead and why; a dead notice
 * sent again; and notices of each kind on demand, as GBA certification asks for.
 */
@Path("admin/notifications")
@RequestScoped
@RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    private static final int MOST = 1000;

    public record NotificationView(
            long id,
            @JsonbProperty("delivery_id") String deliveryId,
            @JsonbProperty("client_id") String clientId,
            String kind,
            String reason,
            List<String> resources,
            String state,
            int attempts,
            @JsonbProperty("created_at") Instant createdAt,
            @JsonbProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonbProperty("last_attempt_at") Instant lastAttemptAt,
            @JsonbProperty("delivered_at") Instant deliveredAt,
            @JsonbProperty("last_error") String lastError) {
        static NotificationView of(Notification n) {
            return new NotificationView(
                    n.sequence(),
                    n.deliveryId(),
                    n.clientId(),
                    lower(n.kind()),
                    n.reason(),
                    n.resources(),
                    lower(n.state()),
                    n.attempts(),
                    n.createdAt(),
                    n.state() == Notification.State.PENDING ? n.nextAttemptAt() : null,
                    n.lastAttemptAt(),
                    n.deliveredAt(),
                    n.lastError());
        }
    }

    /**
     * {@code client_id} absent: every active third party; {@code retail_customer_id} (kind data only): that
     * customer's information, to the third parties holding it (FB_69).
     */
    public record NotificationRequest(
            String kind,
            @JsonbProperty("client_id") String clientId,
            @JsonbProperty("retail_customer_id") String retailCustomerId) {}

    @Inject
    Deliveries deliveries;

    @Inject
    Outbox outbox;

    @GET
    public List<NotificationView> list(
            @QueryParam("state") String state,
            @QueryParam("client_id") String clientId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MOST) throw invalid("limit must be from 1 to " + MOST + ", not " + limit);
        return deliveries
                .list(state == null ? null : parse(Notification.State.class, "state", state), clientId, limit)
                .stream()
                .map(NotificationView::of)
                .toList();
    }

    @GET
    @Path("{id}")
    public NotificationView one(@PathParam("id") long id) {
        return NotificationView.of(deliveries.find(id));
    }

    @POST
    @Path("{id}/retry")
    public NotificationView retry(@PathParam("id") long id) {
        return NotificationView.of(deliveries.retry(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response request(NotificationRequest body) {
        if (body == null || body.kind() == null)
            throw invalid("body must be {\"kind\": \"data\" | \"authorization\" | \"application\", \"client_id\":"
                    + " optional, \"retail_customer_id\": optional, with data}");
        Notification.Kind kind = parse(Notification.Kind.class, "kind", body.kind());
        if (body.retailCustomerId() != null && kind != Notification.Kind.DATA)
            throw invalid("retail_customer_id asks for a notice of customer information: its kind is data");
        List<NotificationView> written = (body.retailCustomerId() == null
                        ? outbox.requested(kind, body.clientId())
                        : outbox.requestedCustomerInfo(body.retailCustomerId(), body.clientId()))
                .stream().map(NotificationView::of).toList();
        return Response.status(Response.Status.ACCEPTED).entity(written).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name + " must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(NotificationsResource::lower)
                            .toList() + ", not '" + value + "'");
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static ApiException invalid(String message) {
        return ApiError.INVALID_REQUEST.because(message);
    }
}
