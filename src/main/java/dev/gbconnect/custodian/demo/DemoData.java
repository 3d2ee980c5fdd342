package dev.gbconnect.custodian.demo;

import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Kind;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Plan;
import dev.gbconnect.custodian.demo.GreenButtonGenerator.Point;
import dev.gbconnect.custodian.ingest.control.CustomerInfoImporter;
import dev.gbconnect.custodian.ingest.control.StoredUntil;
import dev.gbconnect.custodian.ingest.control.UsageImporter;
import dev.gbconnect.custodian.platform.StartupLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds an empty database with the demo customers of the README, with data up to yesterday and synthetic customer
 * information ({@link DemoCustomerInfo}), and then delivers each finished day, as a utility's meter data system would. The data goes through the same importer as any upload, so the
 * demo also proves the import path on every first start, and third parties are notified of each new day.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    record DemoCustomer(String username, String password, String name, List<Point> points) {}

    /**
     * History of a first start, in whole months before the current one: two years and one month, so that a scope of
     * 13 months and a comparison with the year before always find data.
     */
    static final int MONTHS = 25;

    private static final int INTERVAL = 900;
    private static final long DAY = 86_400;
    /** The generator's hrefs begin so; they tell the demo's data apart from anything uploaded for the same customer. */
    private static final String SOURCE = "RetailCustomer/demo/";

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

    @Inject
    CustomerInfoImporter customerInfo;

    @Inject
    StoredUntil stored;

    @PersistenceContext
    EntityManager em;

    @Transactional
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) return;
        startupLock.hold();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (customers.exists()) {
            appendMissingDays(today);
            return;
        }
        long readings = 0, customerInfoNanos = 0;
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            DemoCustomer demo = CUSTOMERS.get(i);
            RetailCustomer customer = customers.create(demo.username(), demo.password(), demo.name());
            readings += importer.importFeed(customer, generated(firstPlan(demo.points(), today)), Long.MAX_VALUE)
                    .readings()
                    .created();
            // After the usage: each ServiceLocation names the UsagePoint it serves, which must exist by then.
            long start = System.nanoTime();
            customerInfo.importFeed(customer, new ByteArrayInputStream(DemoCustomerInfo.feed(demo, i)), Long.MAX_VALUE);
            customerInfoNanos += System.nanoTime() - start;
        }
        // The customer information's share of the first start is logged: the demo must stay quick to boot.
        LOG.info("demo data: " + CUSTOMERS.size() + " customers, " + readings + " interval readings up to "
                + today.minusDays(1) + ", customer information in " + customerInfoNanos / 1_000_000
                + " ms (see README for the logins)");
    }

    /**
     * Delivers the finished days that the demo customers lack. The startup lock and the importer's customer lock make
     * a second instance wait and then find the days stored, so each day is imported and announced once.
     */
    @Transactional
    public void appendMissingDays() {
        if (!enabled) return;
        startupLock.hold();
        appendMissingDays(LocalDate.now(ZoneOffset.UTC));
    }

    private void appendMissingDays(LocalDate today) {
        for (DemoCustomer demo : CUSTOMERS) {
            for (RetailCustomer customer : em.createNamedQuery(RetailCustomer.BY_USERNAME, RetailCustomer.class)
                    .setParameter("username", demo.username())
                    .getResultList()) {
                Optional<Plan> next =
                        stored.blocksFrom(customer, SOURCE).flatMap(until -> nextPlan(demo.points(), until, today));
                if (next.isEmpty()) continue;
                long readings = importer.importFeed(customer, generated(next.get()), Long.MAX_VALUE)
                        .readings()
                        .created();
                LOG.info("demo data: " + next.get().days() + " new day(s) for " + demo.username() + ", " + readings
                        + " interval readings");
            }
        }
    }

    /** From the first day of the month {@link #MONTHS} months back to yesterday. */
    static Plan firstPlan(List<Point> points, LocalDate today) {
        LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS);
        return new Plan(points, first.toEpochDay() * DAY, (int) (today.toEpochDay() - first.toEpochDay()), INTERVAL);
    }

    /**
     * The finished days after what is stored, up to yesterday; empty when none is missing. Data that does not end at
     * a midnight (not the demo's) is continued from its last whole day.
     */
    static Optional<Plan> nextPlan(List<Point> points, Instant storedUntil, LocalDate today) {
        long from = Math.floorDiv(storedUntil.getEpochSecond(), DAY);
        long days = today.toEpochDay() - from;
        return days < 1 ? Optional.empty() : Optional.of(new Plan(points, from * DAY, (int) days, INTERVAL));
    }

    private static InputStream generated(Plan plan) {
        try {
            Path file = Files.createTempFile("demo-", ".xml");
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
