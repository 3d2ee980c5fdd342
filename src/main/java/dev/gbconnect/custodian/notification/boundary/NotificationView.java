package dev.gbconnect.custodian.notification.boundary;

import dev.gbconnect.custodian.notification.entity.Notification;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/** A notice as the admin API shows it. */
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
                NotificationsResource.lower(n.kind()),
                n.reason(),
                n.resources(),
                NotificationsResource.lower(n.state()),
                n.attempts(),
                n.createdAt(),
                n.state() == Notification.State.PENDING ? n.nextAttemptAt() : null,
                n.lastAttemptAt(),
                n.deliveredAt(),
                n.lastError());
    }
}
