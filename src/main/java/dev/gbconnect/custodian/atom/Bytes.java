package dev.gbconnect.custodian.atom;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A growable UTF-8 byte buffer for the text of readings: element names are constants, numbers are written two
 * digits at a time, so a reading costs no allocation and no character encoding on its way to the socket.
 */
public final class Bytes implements AutoCloseable {

    /*
     * Spare 64 KB arrays: every feed answer needs two (this scratch buffer and AtomWriter's), and at a thousand
     * one-month answers a second, new ones were a fifth of all the server allocated, so young collections came
     * a fifth more often.
     */
    private static final int SPARE_SIZE = 64 * 1024;
    private static final BlockingQueue<byte[]> SPARE = new ArrayBlockingQueue<>(32);

    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buf;
    private int length;

    public Bytes(int capacity) {
        buf = new byte[capacity];
    }

    private Bytes(byte[] buf) {
        this.buf = buf;
    }

    /** A buffer on a spare array; {@link #close} gives the array back. */
    public static Bytes pooled() {
        return new Bytes(borrow());
    }

    static byte[] borrow() {
        byte[] b = SPARE.poll();
        return b == null ? new byte[SPARE_SIZE] : b;
    }

    static void giveBack(byte[] b) {
        if (b.length == SPARE_SIZE) SPARE.offer(b);
    }

    /** Gives a pooled array back; the buffer is unusable afterwards. */
    @Override
    public void close() {
        giveBack(buf);
        buf = null;
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
        int end = length + digits(v), i = end;
        // Two digits per division, and int arithmetic once the value fits: epoch seconds and reading values do.
        for (; v > Integer.MAX_VALUE; v /= 100) i = pair(i, (int) (v % 100));
        int n = (int) v;
        for (; n >= 100; n /= 100) i = pair(i, n % 100);
        if (n >= 10) pair(i, n);
        else buf[i - 1] = (byte) ('0' + n);
        length = end;
        return this;
    }

    /** Writes two digits ending before {@code end}; answers where they start. */
    private int pair(int end, int twoDigits) {
        buf[end - 1] = PAIRS[2 * twoDigits + 1];
        buf[end - 2] = PAIRS[2 * twoDigits];
        return end - 2;
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
