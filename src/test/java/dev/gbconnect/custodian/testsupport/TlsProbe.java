package dev.gbconnect.custodian.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;

/**
 * A hand-written TLS ClientHello offering exactly the cipher suites given, for suites the JDK's own client will not
 * offer (NULL ones): answers whether the server picked one of them, i.e. sent a ServerHello, rather than an alert.
 */
public final class TlsProbe {

    private static final int HANDSHAKE = 22, CLIENT_HELLO = 1, SERVER_HELLO = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsProbe() {}

    /** {@code tls13}: a TLS 1.3 hello (supported_versions, an x25519 key share); otherwise a plain TLS 1.2 one. */
    public static boolean serverHello(int port, boolean tls13, int... suites) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(record(hello(tls13, suites)));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType = in.readUnsignedByte();
            in.readUnsignedShort(); // record version
            in.readUnsignedShort(); // length
            return contentType == HANDSHAKE && in.readUnsignedByte() == SERVER_HELLO;
        } catch (EOFException | SocketException closed) {
            return false;
        }
    }

    /** RFC 8446 §4.1.2 (and RFC 5246 §7.4.1.2 for TLS 1.2). */
    private static byte[] hello(boolean tls13, int[] suites) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, 0x0303);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.writeBytes(random);
        byte[] session = new byte[32];
        RANDOM.nextBytes(session);
        body.write(session.length); // a legacy session id, as TLS 1.3 middlebox compatibility mode sends
        body.writeBytes(session);
        u16(body, suites.length * 2);
        for (int suite : suites) u16(body, suite);
        body.write(1);
        body.write(0); // no compression
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        extension(extensions, 0x000d, list16(0x0804, 0x0805, 0x0403, 0x0503, 0x0401, 0x0501)); // signature_algorithms
        extension(extensions, 0x000a, list16(0x001d, 0x0017)); // supported_groups: x25519, secp256r1
        if (tls13) {
            extension(extensions, 0x002b, new byte[] {2, 0x03, 0x04}); // supported_versions: TLS 1.3
            ByteArrayOutputStream share = new ByteArrayOutputStream();
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            u16(share, 0x001d);
            u16(share, key.length);
            share.writeBytes(key);
            ByteArrayOutputStream shares = new ByteArrayOutputStream();
            u16(shares, share.size());
            shares.writeBytes(share.toByteArray());
            extension(extensions, 0x0033, shares.toByteArray()); // key_share
        }
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(CLIENT_HELLO);
        handshake.write(body.size() >> 16);
        u16(handshake, body.size() & 0xffff);
        handshake.writeBytes(body.toByteArray());
        return handshake.toByteArray();
    }

    private static byte[] record(byte[] handshake) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.write(HANDSHAKE);
        u16(r, 0x0301);
        u16(r, handshake.length);
        r.writeBytes(handshake);
        return r.toByteArray();
    }

    private static byte[] list16(int... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u16(b, values.length * 2);
        for (int v : values) u16(b, v);
        return b.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value & 0xff);
    }
}
