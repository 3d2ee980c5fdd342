package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.ingest.control.ImportReport;
import dev.gbconnect.custodian.ingest.control.UploadHistory;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.ApiException;
import dev.gbconnect.custodian.platform.ErrorMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an upload and writes its history record (issue 19 item 5): a stored upload's inside its own transaction, just
 * before the commit, so the record commits with the data (one transaction an upload, not two: docs/performance.md,
 * nightly delivery); a refused one's in a transaction of its own once the upload's has rolled back, with the error
 * code and problems it was answered with. An upload whose commit fails is recorded as refused. Every upload path goes
 * through here, the API's and the console's.
 */
@ApplicationScoped
public class UploadRecorder {

    private static final Logger LOG = Logger.getLogger(UploadRecorder.class.getName());

    /** How UploadPass's refusal gives the total, of which at most Problems.MAX are listed. */
    private static final Pattern PROBLEM_TOTAL = Pattern.compile("; (\\d+) problem\\(s\\)");

    /** What an upload is: its kind ({@code usage}, {@code customer-information}), its customer, its sender. */
    public record Upload(UploadRecord.Actor actor, String kind, String retailCustomerId, Long announcedBytes) {}

    /** The record written, and either the report or the refusal the sender is answered with. */
    public record Recorded(UploadRecord entry, ImportReport report, RuntimeException refusal) {
        public ImportReport reportOrThrow() {
            if (refusal != null) throw refusal;
            return report;
        }
    }

    /**
     * An upload's import ({@link Imports}): reads the body it is given in a transaction of its own and, once the file
     * is accepted, hands the report to {@code stored} inside that transaction.
     */
    public interface Importing {
        ImportReport run(InputStream body, Consumer<ImportReport> stored);
    }

    @Inject
    UploadLog log;

    @Inject
    UploadHistory history;

    public Recorded record(Upload upload, InputStream body, Importing importing) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Counted counted = new Counted(body);
        UploadRecord[] stored = new UploadRecord[1];
        try {
            ImportReport report = importing.run(counted, done -> {
                stored[0] = entry(upload, started, start, counted, done, null);
                history.add(stored[0]);
            });
            return new Recorded(stored[0], report, null);
        } catch (RuntimeException refused) {
            return new Recorded(write(upload, started, start, counted, refused), null, refused);
        } catch (Error failed) {
            write(upload, started, start, counted, failed);
            throw failed;
        }
    }

    private UploadRecord write(Upload upload, Instant started, long start, Counted body, Throwable refusal) {
        UploadRecord record = entry(upload, started, start, body, null, refusal);
        try {
            log.write(record);
        } catch (RuntimeException e) {
            // The history must never change an upload's answer; the log keeps what it would have said.
            LOG.log(Level.WARNING, "the upload history could not record upload " + record.id(), e);
        }
        return record;
    }

    private static UploadRecord entry(
            Upload upload, Instant started, long start, Counted body, ImportReport report, Throwable refusal) {
        ApiException answer = refusal == null ? null : ErrorMappers.causeOf(refusal, ApiException.class);
        List<String> problems = answer == null || answer.problems() == null ? List.of() : answer.problems();
        return new UploadRecord(
                UUID.randomUUID().toString(),
                started,
                upload.actor(),
                upload.kind(),
                upload.retailCustomerId(),
                body.count == 0 && upload.announcedBytes() != null ? upload.announcedBytes() : body.count,
                (System.nanoTime() - start) / 1_000_000,
                refusal == null ? UploadRecord.STORED : result(refusal, answer),
                answer == null ? null : answer.getMessage(),
                report == null ? UploadRecord.Counts.NONE : resources(report),
                report == null || report.readings() == null ? UploadRecord.Counts.NONE : counts(report.readings()),
                problems,
                problemCount(answer, problems));
    }

    /** The error code the sender is answered with (ErrorMappers): the same word in the history as in the answer. */
    private static String result(Throwable refusal, ApiException answer) {
        if (answer != null) return answer.error().code();
        return ErrorMappers.causeOf(refusal, OutOfMemoryError.class) != null
                ? ApiError.TEMPORARILY_UNAVAILABLE.code()
                : ApiError.SERVER_ERROR.code();
    }

    /** The refusal's message ends in "N problem(s)" when it listed them; the list itself is capped (Problems.MAX). */
    private static int problemCount(ApiException answer, List<String> listed) {
        if (answer == null || answer.getMessage() == null) return listed.size();
        Matcher m = PROBLEM_TOTAL.matcher(answer.getMessage());
        return m.find() ? Integer.parseInt(m.group(1)) : listed.size();
    }

    private static UploadRecord.Counts resources(ImportReport report) {
        long created = 0, updated = 0, unchanged = 0;
        for (ImportReport.Counts c : report.resources().values()) {
            created += c.created();
            updated += c.updated();
            unchanged += c.unchanged();
        }
        return new UploadRecord.Counts(created, updated, unchanged);
    }

    private static UploadRecord.Counts counts(ImportReport.Counts c) {
        return new UploadRecord.Counts(c.created(), c.updated(), c.unchanged());
    }

    /** Counts what the importer read of the body, whether it stored it or refused it. */
    private static final class Counted extends FilterInputStream {
        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
