package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.notification.entity.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The outbox on {@code /metrics}: notices waiting and notices dead. Counted in the database at each scrape, so
 * every instance reports the same numbers; alert on dead above zero, and on pending growing.
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    Deliveries deliveries;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(
                Metadata.builder()
                        .withName("notifications_pending")
                        .withDescription("notices waiting to be delivered")
                        .build(),
                deliveries,
                d -> d.count(Notification.State.PENDING));
        registry.gauge(
                Metadata.builder()
                        .withName("notifications_dead")
                        .withDescription("notices given up on, to be retried by the admin")
                        .build(),
                deliveries,
                d -> d.count(Notification.State.DEAD));
    }
}
