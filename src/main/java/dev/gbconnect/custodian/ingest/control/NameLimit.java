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
        for (int i = off; i < off + n; i++) count(b[i]);
        return n;
    }

    private void count(byte b) throws Exceeded {
        switch (b) {
            case ' ', '\t', '\r', '\n', '<', '>', '=', '"', '\'', '/', '?', '!', '&', ';' -> run = 0;
            default -> {
                if (b != 0 && (b & 0xC0) != 0x80 && ++run > max) throw new Exceeded(max);
            }
        }
    }
}
