package dev.gbconnect.custodian.demo;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.ingest.control.UsageImporter;
import dev.gbconnect.custodian.platform.StartupLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds an empty database with the demo customers of the README. The data goes through the same importer as any
 * upload, so the demo also proves the import path on every first start.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    record DemoCustomer(String username, String password, String name, List<Point> points) {}

    static final Plan YEAR_2025 =
            new Plan(List.of(), Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(), 365, 900);

    static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer(
                    "alice", "alice-demo-2025", "Alice Appleton", List.of(new Point("alice-home", Kind.ELECTRIC, 1))),
            new DemoCustomer(
                    "bob",
                    "bob-demo-2025",
                    "Bob Birch",
                    List.of(new Point("bob-home", Kind.ELECTRIC, 2), new Point("bob-gas", Kind.GAS, 3))),
            new DemoCustomer(
                    "carol",
                    "carol-demo-2025",
                    "Carol Cedar Bakery",
                    List.of(
                            new Point("carol-shop", Kind.ELECTRIC, 4),
                            new Point("carol-ev-charger", Kind.ELECTRIC, 5))));

    @Inject
    @ConfigProperty(name = "custodian.demo-data")
    boolean enabled;

    @Inject
    Customers customers;

    @Inject
    StartupLock startupLock;

    @Inject
    UsageImporter importer;

    @Transactional
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) return;
        startupLock.hold();
        if (customers.exists()) return;
        long readings = 0;
        for (DemoCustomer demo : CUSTOMERS) {
            RetailCustomer customer = customers.create(demo.username(), demo.password(), demo.name());
            readings += importer.importFeed(customer, generated(demo), Long.MAX_VALUE)
                    .readings()
                    .created();
        }
        LOG.info("demo data: " + CUSTOMERS.size() + " customers, " + readings
                + " interval readings (see README for the logins)");
    }

    private static InputStream generated(DemoCustomer demo) {
        Plan plan = new Plan(demo.points(), YEAR_2025.start(), YEAR_2025.days(), YEAR_2025.intervalSeconds());
        try {
            Path file = Files.createTempFile("demo-" + demo.username(), ".xml");
            try (OutputStream out = Files.newOutputStream(file)) {
                GreenButtonGenerator.write(out, plan);
            }
            return Files.newInputStream(file, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the demo generator wrote invalid XML", e);
        }
    }
}
