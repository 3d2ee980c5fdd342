package dev.gbconnect.custodian.ingest.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes of a request body and stops reading past the limit, chunked bodies included. */
final class UploadLimit extends FilterInputStream {

    /** Raised inside the XML parser; the importer recognises it in the cause chain. */
    static final class Exceeded extends IOException {
        Exceeded(long limit) {
            super("the upload exceeds the limit of " + limit + " bytes (custodian.upload.max-bytes)");
        }
    }

    private final long limit;
    private long count;

    UploadLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) add(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) add(n);
        return n;
    }

    long count() {
        return count;
    }

    /** Reads and drops what is left, up to the limit; a body past it, or broken off, is left as it is. */
    void drain() {
        byte[] skipped = new byte[64 * 1024];
        try {
            while (read(skipped, 0, skipped.length) >= 0) {
                // dropped
            }
        } catch (IOException overTheLimitOrGone) {
            // the connection closes instead
        }
    }

    private void add(long n) throws Exceeded {
        count += n;
        if (count > limit) throw new Exceeded(limit);
    }
}
