package dev.gbconnect.custodian.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.ingest.control.UsageChanged;
import dev.gbconnect.custodian.notification.entity.Notification;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox's queries run under every upload and every sender pass, so each must be one statement that Derby
 * compiles once and then finds in its statement cache. The application's persistence unit on embedded Derby, as the
 * server runs it; the SQL EclipseLink sent is read back from Derby's cache ({@code SYSCS_DIAG.STATEMENT_CACHE}).
 */
class StatementReuseTest {

    private static EmbeddedDataSource derby;
    private static EntityManagerFactory factory;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target").toAbsolutePath());
        System.getProperties()
                .putIfAbsent(
                        "derby.stream.error.file",
                        dir.resolve("statement-reuse-derby.log").toString());
        derby = new EmbeddedDataSource();
        derby.setDatabaseName(
                "memory:statement-reuse-" + ProcessHandle.current().pid());
        derby.setCreateDatabase("create");
        derby.setUser("app");
        factory = Persistence.createEntityManagerFactory(
                "custodian",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.nonJtaDataSource", derby,
                        "jakarta.persistence.schema-generation.database.action", "create",
                        "eclipselink.weaving", "false"));
    }

    @AfterAll
    static void stop() {
        if (factory != null) factory.close();
    }

    @Test
    void noticeQueryWhenRunForTwoCustomersThenTheyShareOneStatement() throws Exception {
        EntityManager em = factory.createEntityManager();
        try {
            Outbox outbox = new Outbox();
            outbox.em = em;
            for (String customer : List.of("reuse-customer-one", "reuse-customer-two")) {
                outbox.usageChanged(new UsageChanged(customer, Map.of("point", UsageChanged.Span.UNDATED)));
            }
        } finally {
            em.close();
        }
        List<String> sent = cached("ESPI_AUTHORIZATION");
        assertTrue(sent.stream().noneMatch(sql -> sql.contains("reuse-customer-")), "customer ids in " + sent);
        assertEquals(
                1, sent.stream().filter(sql -> sql.contains("OAUTH_CLIENT")).count(), sent.toString());
    }

    @Test
    void passWhenRunForTwoThirdPartiesAtTwoTimesThenEachQuerySharesOneStatement() throws Exception {
        EntityManager em = factory.createEntityManager();
        try {
            Deliveries deliveries = new Deliveries();
            deliveries.em = em;
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            List<Deliveries.Outcome> answered = new ArrayList<>();
            for (String client : List.of("reuse-client-one", "reuse-client-two")) {
                // one delivery recorded in the first pass, two in the second
                answered.add(new Deliveries.Outcome(
                        new Deliveries.Claim(answered.size() + 1, "id", client, null, List.of(), 1),
                        Notification.State.DELIVERED,
                        now,
                        null,
                        now));
                em.getTransaction().begin();
                deliveries.pass("reuse-owner", answered, new TreeSet<>(Set.of(client)), Duration.ofMinutes(1));
                em.getTransaction().commit();
                deliveries.withDueNotices(now);
                now = now.plusSeconds(1);
            }
        } finally {
            em.close();
        }
        List<String> sent = cached("FROM NOTIFICATION");
        assertTrue(sent.stream().noneMatch(sql -> sql.contains("reuse-client-")), "client ids in " + sent);
        assertEquals(2, sent.size(), "the head probe and the look for due notices: " + sent);
        assertTrue(sent.stream().noneMatch(sql -> sql.contains("JOIN")), "the head alone, along its index: " + sent);
        assertTrue(sent.stream().anyMatch(sql -> sql.contains("NEXT_ATTEMPT_AT <= ?")), sent.toString());
        List<String> settled = cached("UPDATE NOTIFICATION").stream()
                .filter(sql -> sql.contains("DELIVERED_AT"))
                .toList();
        assertEquals(1, settled.size(), "one and two deliveries recorded by one statement: " + settled);
        List<String> clients = cached("FROM OAUTH_CLIENT");
        assertEquals(1, clients.size(), "the third parties of both passes read by one statement: " + clients);
    }

    /** The texts of Derby's cached statements that contain {@code part}. */
    private static List<String> cached(String part) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = derby.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT SQL_TEXT FROM SYSCS_DIAG.STATEMENT_CACHE")) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (sql.contains(part)) found.add(sql);
            }
        }
        return found;
    }
}
