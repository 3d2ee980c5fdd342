package dev.gbconnect.custodian.platform;

import static dev.gbconnect.custodian.platform.MetricsAccess.Decision.ALLOW;
import static dev.gbconnect.custodian.platform.MetricsAccess.Decision.FORBIDDEN;
import static dev.gbconnect.custodian.platform.MetricsAccess.Decision.UNAUTHENTICATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Who may read /metrics. UberJarIT checks the token over HTTP; a scrape from another machine it cannot make. */
class MetricsAccessTest {

    private static final byte[] TOKEN = MetricsAccess.digest("scrape-secret-0123456789");

    @Test
    void metricsWhenNoTokenConfiguredThenOpenToLoopbackOnly() {
        assertEquals(ALLOW, MetricsAccess.decide(null, true, null));
        assertEquals(FORBIDDEN, MetricsAccess.decide(null, false, null));
        assertEquals(FORBIDDEN, MetricsAccess.decide(null, false, "Bearer anything"));
    }

    @Test
    void metricsWhenTokenConfiguredThenOnlyTheTokenOpensThemFromAnywhere() {
        assertEquals(ALLOW, MetricsAccess.decide(TOKEN, false, "Bearer scrape-secret-0123456789"));
        assertEquals(ALLOW, MetricsAccess.decide(TOKEN, true, "bearer scrape-secret-0123456789"));
        assertEquals(UNAUTHENTICATED, MetricsAccess.decide(TOKEN, true, null), "loopback needs it too");
        assertEquals(UNAUTHENTICATED, MetricsAccess.decide(TOKEN, false, "Bearer scrape-secret-012345678"));
        assertEquals(UNAUTHENTICATED, MetricsAccess.decide(TOKEN, false, "Basic c2NyYXBlLXNlY3JldA=="));
        assertEquals(UNAUTHENTICATED, MetricsAccess.decide(TOKEN, false, "Bearer"));
    }
}
