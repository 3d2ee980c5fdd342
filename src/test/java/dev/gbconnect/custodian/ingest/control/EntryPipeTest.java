package dev.gbconnect.custodian.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.testsupport.Shared;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EntryPipeTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void deliversEveryEntryInDocumentOrderThenTheEnd() throws Exception {
        String sample = "datasdk/1hrLP_32DaysFiveUsagePoints_M.xml";
        var direct = GreenButtonReaderTest.readAll(Files.newInputStream(Shared.sample(sample)), new Problems());

        try (EntryPipe pipe = pipe(Files.newInputStream(Shared.sample(sample)), new Problems())) {
            for (AtomEntry expected : direct) {
                AtomEntry piped = pipe.take();
                assertEquals(expected.atomId(), piped.atomId());
                assertEquals(expected.self(), piped.self());
            }
            assertEquals(null, pipe.take());
            assertEquals(null, pipe.take());
        }
    }

    @Test
    void aParseFailureReachesTheCallerAfterTheEntriesBeforeIt() throws Exception {
        String broken =
                "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>a</id></entry><entry><id>b</id></entr></feed>";
        try (EntryPipe pipe = pipe(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), new Problems())) {
            assertEquals("a", pipe.take().atomId());
            assertThrows(XMLStreamException.class, pipe::take);
            assertEquals(null, pipe.take());
        }
    }

    @Test
    void closingEarlyStopsReadingTheBody() throws Exception {
        AtomicLong read = new AtomicLong();
        InputStream counted =
                new FilterInputStream(Files.newInputStream(Shared.sample(
                        "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml"))) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, Math.min(len, 512));
                        if (n > 0) read.addAndGet(n);
                        return n;
                    }
                };
        long size = Files.size(Shared.sample(
                "gba-sample-data/Coastal_Multi_Family_Daily_Jan_1_2011_to_Jan_1_2012_RetailCustomer_4.xml"));

        try (EntryPipe pipe = pipe(counted, new Problems())) {
            pipe.take();
        }
        long atClose = read.get();
        Thread.sleep(200);

        assertEquals(atClose, read.get(), "the reader went on after close()");
        assertTrue(atClose < size, "read " + atClose + " of " + size + " bytes");
    }

    private EntryPipe pipe(InputStream in, Problems problems) {
        return EntryPipe.start(executor, () -> new GreenButtonReader(in, Shared.schema(), problems));
    }
}
