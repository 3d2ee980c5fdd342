package dev.gbconnect.custodian.ingest.entity;

import dev.gbconnect.custodian.platform.LineList;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One upload, stored or refused (issue 19 item 5): who sent what for which customer, how large, how long it took,
 * what it did or why it was refused. Written once, after the upload's own transaction ended, and never changed. The
 * customer is a plain id, no foreign key: the history outlives a customer, and an upload for an unknown one is
 * recorded too.
 */
@Entity
@Table(
        name = "UPLOAD_RECORD",
        indexes = {
            @Index(name = "UPLOAD_RECORD_AT", columnList = "STARTED_AT"),
            @Index(name = "UPLOAD_RECORD_RESULT", columnList = "RESULT, STARTED_AT"),
            @Index(name = "UPLOAD_RECORD_CUSTOMER", columnList = "RETAIL_CUSTOMER_ID, STARTED_AT")
        })
public class UploadRecord {

    /** What an upload kept of its problems: the first ones, and how many there were in all. */
    public static final int PROBLEMS_KEPT = 20, PROBLEM_LENGTH = 500, MESSAGE_LENGTH = 512, CUSTOMER_LENGTH = 64;

    /** The result of an upload the server stored; any other result is the error code it was answered with. */
    public static final String STORED = "stored";

    /** Who sent it: an admin client ({@code client:<id>}) or a member of staff (their identity's subject). */
    public record Actor(String subject, String name) {}

    /** Resources (or readings) created, updated, unchanged. */
    public record Counts(long created, long updated, long unchanged) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "STARTED_AT", nullable = false)
    private Instant startedAt;

    @Column(name = "ACTOR_SUBJECT", nullable = false, length = 256)
    private String actorSubject;

    @Column(name = "ACTOR_NAME", nullable = false, length = 256)
    private String actorName;

    /** {@code usage} or {@code customer-information}. */
    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "RETAIL_CUSTOMER_ID", length = CUSTOMER_LENGTH)
    private String retailCustomerId;

    @Column(name = "BYTES_READ", nullable = false)
    private long bytes;

    @Column(name = "DURATION_MILLIS", nullable = false)
    private long durationMillis;

    @Column(nullable = false, length = 32)
    private String result;

    @Column(length = MESSAGE_LENGTH)
    private String message;

    @Column(name = "RESOURCES_CREATED", nullable = false)
    private long resourcesCreated;

    @Column(name = "RESOURCES_UPDATED", nullable = false)
    private long resourcesUpdated;

    @Column(name = "RESOURCES_UNCHANGED", nullable = false)
    private long resourcesUnchanged;

    @Column(name = "READINGS_CREATED", nullable = false)
    private long readingsCreated;

    @Column(name = "READINGS_UPDATED", nullable = false)
    private long readingsUpdated;

    @Column(name = "READINGS_UNCHANGED", nullable = false)
    private long readingsUnchanged;

    @Column(name = "PROBLEM_COUNT", nullable = false)
    private int problemCount;

    @Convert(converter = LineList.class)
    @Column(length = 16000)
    private List<String> problems;

    protected UploadRecord() {}

    /** {@code problems} are cut to the first {@link #PROBLEMS_KEPT}, each to {@link #PROBLEM_LENGTH} on one line. */
    public UploadRecord(
            String id,
            Instant startedAt,
            Actor actor,
            String kind,
            String retailCustomerId,
            long bytes,
            long durationMillis,
            String result,
            String message,
            Counts resources,
            Counts readings,
            List<String> problems,
            int problemCount) {
        this.id = id;
        this.startedAt = startedAt;
        this.actorSubject = cut(actor.subject(), 256);
        this.actorName = cut(actor.name(), 256);
        this.kind = kind;
        this.retailCustomerId = cut(retailCustomerId, CUSTOMER_LENGTH);
        this.bytes = bytes;
        this.durationMillis = durationMillis;
        this.result = result;
        this.message = cut(message, MESSAGE_LENGTH);
        this.resourcesCreated = resources.created();
        this.resourcesUpdated = resources.updated();
        this.resourcesUnchanged = resources.unchanged();
        this.readingsCreated = readings.created();
        this.readingsUpdated = readings.updated();
        this.readingsUnchanged = readings.unchanged();
        this.problems = problems.stream()
                .limit(PROBLEMS_KEPT)
                .map(p -> cut(p.replaceAll("[\\r\\n]+", " "), PROBLEM_LENGTH))
                .toList();
        this.problemCount = problemCount;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Actor actor() {
        return new Actor(actorSubject, actorName);
    }

    public String kind() {
        return kind;
    }

    public String retailCustomerId() {
        return retailCustomerId;
    }

    public long bytes() {
        return bytes;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public String result() {
        return result;
    }

    public boolean stored() {
        return STORED.equals(result);
    }

    public String message() {
        return message;
    }

    public Counts resources() {
        return new Counts(resourcesCreated, resourcesUpdated, resourcesUnchanged);
    }

    public Counts readings() {
        return new Counts(readingsCreated, readingsUpdated, readingsUnchanged);
    }

    public List<String> problems() {
        return problems == null ? List.of() : problems;
    }

    public int problemCount() {
        return problemCount;
    }
}
