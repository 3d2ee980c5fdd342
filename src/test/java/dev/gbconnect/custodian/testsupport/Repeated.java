package dev.gbconnect.custodian.testsupport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A body of {@code head}, then {@code unit} repeated to {@code bytes} bytes, then {@code tail}, made as it is read:
 * a gigabyte-long name or text node costs the test nothing.
 */
public final class Repeated extends InputStream {

    private final byte[] head, unit, tail;
    private final long total;
    private long position;

    public Repeated(String head, String unit, long bytes, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.unit = unit.getBytes(StandardCharsets.UTF_8);
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.total = this.head.length + bytes + this.tail.length;
    }

    /** The body's length in bytes. */
    public long length() {
        return total;
    }

    @Override
    public int read() {
        if (position >= total) return -1;
        return byteAt(position++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= total) return -1;
        int n = (int) Math.min(len, total - position);
        for (int i = 0; i < n; i++) b[off + i] = byteAt(position++);
        return n;
    }

    private byte byteAt(long p) {
        if (p < head.length) return head[(int) p];
        long body = total - head.length - tail.length;
        long q = p - head.length;
        return q < body ? unit[(int) (q % unit.length)] : tail[(int) (q - body)];
    }
}
