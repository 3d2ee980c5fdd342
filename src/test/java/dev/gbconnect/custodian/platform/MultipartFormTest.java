package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    static final String B = "----WebKitFormBoundaryx7Q2";

    static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("preamble\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken-1\r\n--"
                        + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"usage.xml\"\r\n"
                        + "Content-Type: text/xml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Hands out at most a few bytes a read, as a network does, so delimiters fall across reads. */
    static InputStream trickling(byte[] body, int most) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    @Test
    void partsWhenReadThenFieldsAndTheWholeFileEndingAtTheDelimiter() throws IOException {
        byte[] file = new byte[300_000];
        new Random(7).nextBytes(file);
        // Almost-delimiters inside the file must stay content.
        byte[] near = ("\r\n--" + B.substring(0, B.length() - 1)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(near, 0, file, 70_000, near.length);
        for (int most : new int[] {1, 7, 8192, 1 << 20}) {
            MultipartForm form = new MultipartForm(trickling(body(file), most), B);
            MultipartForm.Part csrf = form.next();
            assertEquals("csrf", csrf.name());
            assertNull(csrf.filename());
            assertEquals("token-1", csrf.text(64));
            MultipartForm.Part upload = form.next();
            assertEquals("file", upload.name());
            assertEquals("usage.xml", upload.filename());
            assertArrayEquals(file, upload.content().readAllBytes(), "reads of at most " + most + " bytes");
            assertNull(form.next());
        }
    }

    @Test
    void fieldWhenLongerThanAllowedOrBodyCutOffThenIOException() throws IOException {
        MultipartForm form = new MultipartForm(new ByteArrayInputStream(body(new byte[10])), B);
        assertThrows(IOException.class, () -> form.next().text(3));
        byte[] whole = body(new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        MultipartForm broken = new MultipartForm(new ByteArrayInputStream(cut), B);
        broken.next();
        MultipartForm.Part file = broken.next();
        assertThrows(IOException.class, () -> file.content().readAllBytes());
        assertThrows(IOException.class, () -> new MultipartForm(new ByteArrayInputStream(whole), "bad boundary"));
    }
}
