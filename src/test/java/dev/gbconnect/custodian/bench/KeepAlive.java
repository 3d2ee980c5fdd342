package dev.gbconnect.custodian.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare HTTP/1.1 client on a persistent connection, for load generation: it shares this machine's two cores
 * with the server, so it must cost far less per request than the JDK's HttpClient does. When the server ends a
 * connection (Payara closes one after a number of requests, as browsers' servers do) it opens the next.
 */
final class KeepAlive implements AutoCloseable {

    /** {@code body} is empty when the request was sent with {@link #discard}; {@code bytes} counts what was read. */
    /** {@code firstByte}: nanoseconds from sending the request to the status line. */
    record Reply(int status, String body, long bytes, long firstByte) {}

    private final URI base;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] drain = new byte[1 << 16];

    KeepAlive(URI base) throws IOException {
        this.base = base;
        host = base.getHost() + ":" + base.getPort();
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 14);
        out = socket.getOutputStream();
    }

    /** One request; {@code headers} as "Name: value" lines; {@code body} null for none. */
    Reply send(String method, String path, String headers, String body) throws IOException {
        return exchange(method, path, headers, body, true);
    }

    /** A GET whose answer is read to the end and dropped, so that measuring big answers costs the client little. */
    Reply discard(String path, String headers) throws IOException {
        return exchange("GET", path, headers, null, false);
    }

    private Reply exchange(String method, String path, String headers, String body, boolean keep) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        long sent = System.nanoTime();
        String status = line();
        long firstByte = System.nanoTime() - sent;
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false, closing = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:"))
                length = Integer.parseInt(h.substring(15).trim());
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            else if (lower.startsWith("connection:") && lower.contains("close")) closing = true;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        long bytes = 0;
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                take(b, size, keep);
                bytes += size;
                line();
            }
            line();
        } else if (length > 0) {
            take(b, length, keep);
            bytes = length;
        }
        if (closing) {
            socket.close();
            connect();
        }
        return new Reply(code, b.toString(StandardCharsets.UTF_8), bytes, firstByte);
    }

    private void take(ByteArrayOutputStream b, int n, boolean keep) throws IOException {
        if (keep) {
            b.write(in.readNBytes(n));
            return;
        }
        // Not skipNBytes: a socket's skip reads 2 KB at a time, a system call each, and the client shares the cores.
        for (int left = n; left > 0; ) {
            int got = in.read(drain, 0, Math.min(left, drain.length));
            if (got < 0) throw new IOException("connection closed");
            left -= got;
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed");
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
