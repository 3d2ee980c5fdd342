package dev.gbconnect.custodian.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * NameLimit skips most bytes; it must refuse exactly the inputs that counting every byte refuses, wherever the reads
 * split the runs.
 */
class NameLimitTest {

    private static final byte[] ALPHABET = {'a', 'b', '<', ' ', '\n', '"', 0, (byte) 0xC3, (byte) 0xA9, '7'};

    @Test
    void refusesExactlyTheRunsThatCountingEveryByteRefuses() throws IOException {
        Random random = new Random(21);
        for (int round = 0; round < 20_000; round++) {
            int max = 1 + random.nextInt(12);
            byte[] input = new byte[random.nextInt(120)];
            // Long stretches of one kind of byte, so runs near the limit are common.
            for (int i = 0; i < input.length; ) {
                byte b = ALPHABET[random.nextInt(random.nextInt(4) == 0 ? ALPHABET.length : 2)];
                for (int n = 1 + random.nextInt(max + 2); n > 0 && i < input.length; n--) input[i++] = b;
            }
            int chunk = 1 + random.nextInt(40);

            int refusedAt = countedEveryByte(input, max);
            int chunkRefused = refusedAt < 0 ? -1 : refusedAt / chunk * chunk;
            assertEquals(chunkRefused, readInChunks(input, max, chunk), "max " + max);
        }
    }

    /** Where the read that refused began, -1 when the whole input passes. */
    private static int readInChunks(byte[] input, int max, int chunk) throws IOException {
        InputStream in = new NameLimit(new ByteArrayInputStream(input), max);
        byte[] buffer = new byte[chunk + 3];
        int read = 0;
        try {
            for (int n; (n = in.read(buffer, 3, chunk)) > 0; ) read += n;
            return -1;
        } catch (NameLimit.Exceeded e) {
            return read;
        }
    }

    /** The offending byte, -1 when the whole input passes. */
    private static int countedEveryByte(byte[] input, int max) {
        int run = 0;
        for (int i = 0; i < input.length; i++) {
            byte b = input[i];
            boolean breaks = " \t\r\n<>=\"'/?!&;".indexOf(b) >= 0;
            if (breaks) run = 0;
            else if (b != 0 && (b & 0xC0) != 0x80 && ++run > max) return i;
        }
        return -1;
    }
}
