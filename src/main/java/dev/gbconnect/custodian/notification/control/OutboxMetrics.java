package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.notification.entity.Notification;
import dev.gbconnect.custodian.platform.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outbox on {@code /metrics}: {@code custodian_notifications} by state. Counted in the database at each scrape,
 * so every instance reports the same numbers; alert on dead above zero, and on pending growing.
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    Deliveries deliveries;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Metrics.notices(() -> {
            Map<String, Long> byState = new LinkedHashMap<>();
            for (Notification.State s : Notification.State.values())
                byState.put(s.name().toLowerCase(Locale.ROOT), deliveries.count(s));
            return byState;
        });
    }
}
