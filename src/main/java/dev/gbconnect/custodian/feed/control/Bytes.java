package dev.gbconnect.custodian.feed.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for the text of readings: element names are constants, numbers are written digit
 * by digit, so a reading costs no allocation and no character encoding on its way to the socket.
 */
public final class Bytes {

    private byte[] buf;
    private int length;

    public Bytes(int capacity) {
        buf = new byte[capacity];
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public Bytes append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, length, b.length);
        length += b.length;
        return this;
    }

    public Bytes append(Bytes b) {
        ensure(b.length);
        System.arraycopy(b.buf, 0, buf, length, b.length);
        length += b.length;
        return this;
    }

    public Bytes utf8(String s) {
        return append(s.getBytes(StandardCharsets.UTF_8));
    }

    public Bytes number(long v) {
        if (v == Long.MIN_VALUE) return append(ascii(Long.toString(v)));
        ensure(20);
        if (v < 0) {
            buf[length++] = '-';
            v = -v;
        }
        int end = length + digits(v);
        for (int i = end - 1; i >= length; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length = end;
        return this;
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return length;
    }

    public void clear() {
        length = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    private static int digits(long v) {
        int n = 1;
        for (long p = 10; n < 19 && v >= p; p *= 10) n++;
        return n;
    }

    private void ensure(int more) {
        if (length + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
    }
}
