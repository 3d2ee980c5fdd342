package dev.gbconnect.custodian.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A third party's redirect endpoint on loopback: it records each query it receives and answers a tiny page. */
public final class Callback implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<URI> received = new LinkedBlockingQueue<>();

    public Callback() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callback", exchange -> {
            received.add(exchange.getRequestURI());
            byte[] page = "<!DOCTYPE html><title>Back at the app</title><p>Thanks</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** The next request's URI, waiting a little for the browser to arrive. */
    public URI next() throws InterruptedException {
        URI u = received.poll(20, TimeUnit.SECONDS);
        if (u == null) throw new AssertionError("the browser never came back to " + uri());
        return u;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
