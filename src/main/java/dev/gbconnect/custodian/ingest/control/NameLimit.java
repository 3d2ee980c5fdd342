package dev.gbconnect.custodian.ingest.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a body with a run of more than {@code max} characters that markup and blanks do not break. Woodstox
 * bounds text and attribute values itself but not names: an element, attribute or processing-instruction name of
 * a gigabyte filled the heap (issue 14). Every name is such a run, and so is any longer stretch of text or value,
 * which the parser's own limits (no lower than {@code max}) refuse anyway; so this refuses only what would be
 * refused or must not be held. Counting bytes works for UTF-8 and other ASCII-based encodings: continuation bytes
 * and NULs are not counted, so a run is counted in characters (in a UTF-16 file a non-ASCII character may count
 * twice).
 */
final class NameLimit extends FilterInputStream {

    /** Raised inside the XML parser; the importer recognises it in the cause chain. */
    static final class Exceeded extends IOException {
        Exceeded(int max) {
            super("a name, text or value of more than " + max + " characters: longer ones are refused");
        }
    }

    /** The bytes that end a run: markup and blanks. */
    private static final boolean[] BREAKS = new boolean[256];

    static {
        for (char c : " \t\r\n<>=\"'/?!&;".toCharArray()) BREAKS[c] = true;
    }

    private final int max;
    private int run;

    NameLimit(InputStream in, int max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count((byte) b);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) scan(b, off, off + n);
        return n;
    }

    /**
     * Every byte of an upload passes here, so most are not looked at: a run can pass the limit only if none of the
     * next {@code max - run + 1} bytes ends it, and searching that window from its far end finds a break within a
     * few bytes in any markup. Only a window without one is counted byte by byte.
     */
    private void scan(byte[] b, int from, int end) throws Exceeded {
        int i = from;
        for (int far = i + max - run; far < end; far = i + max - run) {
            int j = lastBreak(b, i, far + 1);
            if (j >= 0) {
                run = 0;
                i = j + 1;
            } else {
                count(b, i, far + 1);
                i = far + 1;
            }
        }
        int j = lastBreak(b, i, end);
        if (j >= 0) {
            run = 0;
            i = j + 1;
        }
        count(b, i, end);
    }

    private static int lastBreak(byte[] b, int from, int to) {
        for (int j = to - 1; j >= from; j--) {
            if (BREAKS[b[j] & 0xFF]) return j;
        }
        return -1;
    }

    private void count(byte[] b, int from, int to) throws Exceeded {
        for (int i = from; i < to; i++) count(b[i]);
    }

    private void count(byte b) throws Exceeded {
        if (BREAKS[b & 0xFF]) run = 0;
        else if (b != 0 && (b & 0xC0) != 0x80 && ++run > max) throw new Exceeded(max);
    }
}
