package dev.gbconnect.custodian.demo;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Keeps the demo current on a server that runs for days: each hour it delivers the days that have ended since the
 * last delivery (the first check after midnight UTC finds yesterday), so the portal's last 31 days and every relative
 * date of the docs show data. Every instance checks; the database decides who delivers.
 */
@Singleton
// The timer must not reach tables that the migration has yet to create.
@DependsOn("SchemaMigration")
public class DemoDays {

    @Inject
    DemoData demo;

    @Schedule(hour = "*", minute = "5", persistent = false)
    void deliver() {
        demo.appendMissingDays();
    }
}
