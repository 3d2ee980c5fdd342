package dev.gbconnect.custodian.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578, the delimiters of RFC 2046 §5.1.1) read part by part as it arrives:
 * a part's content is a stream that ends at the next delimiter, so a file part of any size passes through a buffer
 * of 64 KiB and is never held. Form fields are read as short texts. Anything malformed is an {@link IOException}.
 */
public final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=?-]{1,70}");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)[;\\s]filename=\"([^\"]*)\"");
    private static final int MAX_HEADER_LINE = 4096, MAX_HEADERS = 16;

    /** One part: its field name, its file name (null for a plain field), and its content. */
    public record Part(String name, String filename, InputStream content) {
        /** The content as UTF-8 text; more than {@code max} bytes is an error. */
        public String text(int max) throws IOException {
            byte[] b = content.readNBytes(max + 1);
            if (b.length > max) throw new IOException("the form field " + name + " is longer than " + max + " bytes");
            return new String(b, StandardCharsets.UTF_8);
        }

        /** Reads and drops what is left of the content, at most {@code most} bytes; a broken-off body ends it. */
        public void drain(long most) {
            byte[] skipped = new byte[64 * 1024];
            try {
                for (long left = most; left > 0; ) {
                    int n = content.read(skipped, 0, (int) Math.min(skipped.length, left));
                    if (n < 0) return;
                    left -= n;
                }
            } catch (IOException gone) {
                // the connection closes instead
            }
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos, limit;
    /** No delimiter starts in the buffer before this index: bytes already searched are not searched again. */
    private int clear;

    private boolean eof, finished;
    private PartContent current;

    /** {@code boundary} is the Content-Type's parameter; null or malformed is an error. */
    public MultipartForm(InputStream in, String boundary) throws IOException {
        if (boundary == null || !BOUNDARY.matcher(boundary).matches())
            throw new IOException("the multipart body has no valid boundary");
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[64 * 1024 + delimiter.length];
        // The first delimiter has no line end before it (RFC 2046 §5.1.1): one is put in front, and the preamble
        // becomes a part like any other, skipped by the first next().
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
        current = new PartContent();
    }

    /** The next part, its predecessor's content skipped; null after the last. */
    public Part next() throws IOException {
        if (finished) return null;
        current.skipRest();
        if (startsWith("--")) {
            finished = true;
            return null;
        }
        if (!startsWith("\r\n")) throw new IOException("the multipart body is malformed after a delimiter");
        pos += 2;
        String disposition = null;
        int headers = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            if (++headers > MAX_HEADERS) throw new IOException("a multipart part has too many headers");
            if (line.regionMatches(true, 0, "Content-Disposition:", 0, 20)) disposition = line;
        }
        if (disposition == null) throw new IOException("a multipart part has no Content-Disposition");
        current = new PartContent();
        return new Part(group(NAME, disposition), group(FILENAME, disposition), current);
    }

    private static String group(Pattern p, String header) {
        Matcher m = p.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private boolean startsWith(String s) throws IOException {
        ensure(s.length());
        if (limit - pos < s.length()) throw new IOException("the multipart body ends before its last delimiter");
        for (int i = 0; i < s.length(); i++) if (buf[pos + i] != s.charAt(i)) return false;
        return true;
    }

    private String line() throws IOException {
        for (int scanned = 0; ; ) {
            for (int i = pos + scanned; i + 1 < limit; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    String line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                    pos = i + 2;
                    return line;
                }
            }
            scanned = Math.max(0, limit - pos - 1);
            if (scanned > MAX_HEADER_LINE) throw new IOException("a multipart header line is too long");
            if (!more()) throw new IOException("the multipart body ends inside a part's headers");
        }
    }

    /** At least {@code n} bytes buffered from {@code pos}, unless the body ends first. */
    private void ensure(int n) throws IOException {
        while (limit - pos < n && more()) {
            // more() read something
        }
    }

    /** Reads more of the body behind what is buffered; false at its end. */
    private boolean more() throws IOException {
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            clear = Math.max(0, clear - pos);
            pos = 0;
        }
        if (limit == buf.length) return false;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** Where the delimiter starts in what is buffered, or -1. */
    private int delimiterAt() {
        int i = Math.max(pos, clear);
        outer:
        for (; i + delimiter.length <= limit; i++) {
            for (int j = 0; j < delimiter.length; j++) if (buf[i + j] != delimiter[j]) continue outer;
            clear = i;
            return i;
        }
        clear = i;
        return -1;
    }

    /** A part's content: the bytes up to the next delimiter, which it consumes when it ends. */
    private final class PartContent extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) return -1;
            if (len == 0) return 0;
            while (true) {
                int at = delimiterAt();
                if (at == pos) {
                    pos += delimiter.length;
                    ended = true;
                    return -1;
                }
                // Bytes before a delimiter found, or that cannot be the start of one still arriving, are content.
                int ready = at >= 0 ? at - pos : limit - pos - (delimiter.length - 1);
                if (ready > 0) {
                    int n = Math.min(len, ready);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    return n;
                }
                if (!more()) throw new IOException("the multipart body ends inside a part");
            }
        }

        void skipRest() throws IOException {
            byte[] skipped = new byte[8192];
            while (read(skipped, 0, skipped.length) >= 0) {
                // dropped
            }
        }
    }
}
