package dev.gbconnect.custodian.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the demo current on a server that runs for days: every {@code custodian.demo.check-interval} (an hour) it
 * delivers the days that have ended since the last delivery (the first check after midnight UTC finds yesterday), so
 * the portal's last 31 days and every relative date of the docs show data. Every instance checks; the database
 * decides who delivers. A setting rather than a fixed timer schedule, so a test can check often (UberJarIT).
 */
@Singleton
@Startup
// The checks must not reach tables that the migration has yet to create.
@DependsOn("SchemaMigration")
public class DemoDays {

    private static final Logger LOG = Logger.getLogger(DemoDays.class.getName());

    @Inject
    DemoData demo;

    @Inject
    @ConfigProperty(name = "custodian.demo.check-interval", defaultValue = "PT1H")
    Duration every;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        schedule = scheduler.scheduleWithFixedDelay(
                this::deliver, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }

    /** A failed check (the database away for a moment) is logged; the next one tries again. */
    private void deliver() {
        try {
            demo.appendMissingDays();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "demo data: the check for new days failed; trying again in " + every, e);
        }
    }
}
