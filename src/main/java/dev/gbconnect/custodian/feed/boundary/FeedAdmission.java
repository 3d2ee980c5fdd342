package dev.gbconnect.custodian.feed.boundary;

import dev.gbconnect.custodian.feed.control.admission.Turns;
import dev.gbconnect.custodian.feed.control.admission.Turns.Turn;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ErrorMappers;
import dev.gbconnect.custodian.platform.Metrics;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets a bounded number of usage-data reads work at once ({@code custodian.feed.concurrency}, by default two per
 * core), first come first served; the others wait their turn, and one that waits longer than
 * {@code custodian.feed.queue-timeout} gets 503 with Retry-After. Measured on two cores, 32 clients reading one
 * month each ran at about 650 answers/s with a p99 of 150 ms without the bound, and at about 1,050/s with a p99
 * under 50 ms with four turns (docs/performance.md): unbounded, every request held a connection, Derby's latches
 * and a share of the caches while the scheduler spread two cores over all of them. A read whose client stops
 * taking bytes loses its turn to the next in line (see {@link Turns}).
 */
@WebFilter("/espi/1_1/resource/*")
public class FeedAdmission extends HttpFilter {

    private static final long SWEEP_MILLIS = 20;
    private static final String STATUS = "/espi/1_1/resource/ReadServiceStatus";

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Turns turns;
    private long timeoutMillis;
    private ScheduledFuture<?> sweeping;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        int concurrency = config.getOptionalValue("custodian.feed.concurrency", Integer.class)
                .orElse(2 * Runtime.getRuntime().availableProcessors());
        timeoutMillis = config.getOptionalValue("custodian.feed.queue-timeout", Duration.class)
                .orElse(Duration.ofSeconds(10))
                .toMillis();
        turns = new Turns(concurrency, TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS));
        Metrics.feedQueue(turns::waiting);
        sweeping = scheduler.scheduleWithFixedDelay(
                () -> turns.sweep(System.nanoTime()), SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (sweeping != null) sweeping.cancel(false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!takesTurn(request)) {
            chain.doFilter(request, response);
            return;
        }
        Turn turn;
        try {
            turn = turns.take(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to read usage data", e);
        }
        if (turn == null) {
            Metrics.feedRefused();
            response.setHeader("Retry-After", "1");
            ErrorMappers.write(
                    response,
                    ApiError.TEMPORARILY_UNAVAILABLE,
                    "the server is reading as much usage data as it can at once; retry after the seconds in Retry-After");
            return;
        }
        try {
            chain.doFilter(request, new Writing(response, turn));
        } finally {
            turn.end();
        }
    }

    /**
     * Uploads take none: they are rare, and bound by how fast the client sends. Nor does ReadServiceStatus, which
     * reads nothing but the token: queued for a turn, every third party's poll waited behind usage reads, and under
     * eight clients half the server's request threads were parked on the turns (docs/performance.md, "Side by side
     * with Keycloak"). The Authorization and ApplicationInformation feeds do: a third party's may list thousands.
     */
    private static boolean takesTurn(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !STATUS.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    /** The response, its body written through the turn. */
    private static final class Writing extends HttpServletResponseWrapper {
        private final Turn turn;
        private ServletOutputStream out;

        Writing(HttpServletResponse response, Turn turn) {
            super(response);
            this.turn = turn;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) out = new TurnStream(super.getOutputStream(), turn);
            return out;
        }
    }

    private static final class TurnStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private final Turn turn;

        TurnStream(ServletOutputStream out, Turn turn) {
            this.out = out;
            this.turn = turn;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            turn.write(() -> out.write(b, off, len));
        }

        @Override
        public void flush() throws IOException {
            turn.write(out::flush);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
