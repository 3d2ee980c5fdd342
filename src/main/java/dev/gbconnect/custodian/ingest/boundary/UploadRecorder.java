package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.ingest.control.ImportReport;
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
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an upload and writes its history record (issue 19 item 5) once the upload's transaction has ended: stored, or
 * refused with the error code and problems it was answered with. Every upload path goes through here, the API's and
 * the console's.
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

    @Inject
    UploadLog log;

    /** {@code importing} reads the body it is given, in its own transaction ({@link Imports}). */
    public Recorded record(Upload upload, InputStream body, Function<InputStream, ImportReport> importing) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Counted counted = new Counted(body);
        try {
            ImportReport report = importing.apply(counted);
            return new Recorded(write(upload, started, start, counted, report, null), report, null);
        } catch (RuntimeException refused) {
            return new Recorded(write(upload, started, start, counted, null, refused), null, refused);
        } catch (Error failed) {
            write(upload, started, start, counted, null, failed);
            throw failed;
        }
    }

    private UploadRecord write(
            Upload upload, Instant started, long start, Counted body, ImportReport report, Throwable refusal) {
        ApiException answer = refusal == null ? null : ErrorMappers.causeOf(refusal, ApiException.class);
        List<String> problems = answer == null || answer.problems() == null ? List.of() : answer.problems();
        UploadRecord record = new UploadRecord(
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
        try {
            log.write(record);
        } catch (RuntimeException e) {
            // The history must never change an upload's answer; the log keeps what it would have said.
            LOG.log(Level.WARNING, "the upload history could not record upload " + record.id(), e);
        }
        return record;
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
