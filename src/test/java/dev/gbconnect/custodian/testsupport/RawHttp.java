package dev.gbconnect.custodian.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;

/**
 * One HTTP/1.1 exchange written by hand, for what java.net.http will not send: a Host header of our choosing, any
 * method. The answer is the whole response as text: status line, headers and body.
 */
public final class RawHttp {

    private RawHttp() {}

    /** {@code headers} are whole lines without their line end ({@code "Authorization: Bearer x"}). */
    public static String exchange(
            SocketFactory sockets, int port, String method, String path, String host, String... headers)
            throws IOException {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String h : headers) request.append(h).append("\r\n");
        request.append("Connection: close\r\n\r\n");
        try (Socket s = sockets.createSocket()) {
            s.setSoTimeout(30_000);
            s.connect(new InetSocketAddress("localhost", port), 10_000);
            s.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The status code of a response {@link #exchange} returned. */
    public static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
