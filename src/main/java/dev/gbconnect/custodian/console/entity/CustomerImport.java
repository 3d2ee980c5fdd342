package dev.gbconnect.custodian.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One CSV import of customers from the console (issue 19): who started it, its counts as it runs and its state. It
 * lives in the database, so every instance shows the same progress whichever one runs the import.
 */
@Entity
@Table(name = "CUSTOMER_IMPORT", indexes = @Index(name = "CUSTOMER_IMPORT_STARTED", columnList = "STARTED_AT"))
public class CustomerImport {

    /** Where an import is; only a running one has a row in {@link CustomerImportActive}. */
    public enum State {
        RUNNING,
        DONE,
        /** Stopped by an error; the lines done so far stay done. */
        FAILED,
        /** Its instance stopped beating (it was shut down or died); the lines done so far stay done. */
        INTERRUPTED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "ACTOR_SUBJECT", nullable = false, length = 256)
    private String actorSubject;

    @Column(name = "ACTOR_NAME", nullable = false, length = 256)
    private String actorName;

    @Column(name = "FILE_NAME", length = 256)
    private String fileName;

    /** SHA-256 of the file, hex. */
    @Column(name = "FILE_HASH", nullable = false, length = 64)
    private String fileHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 16)
    private State state;

    @Column(name = "TOTAL_COUNT", nullable = false)
    private int total;

    @Column(name = "DONE_COUNT", nullable = false)
    private int done;

    @Column(name = "CREATED_COUNT", nullable = false)
    private int created;

    @Column(name = "EXISTING_COUNT", nullable = false)
    private int existing;

    @Column(name = "INVALID_COUNT", nullable = false)
    private int invalid;

    @Column(name = "STARTED_AT", nullable = false)
    private Instant startedAt;

    /** The running instance's last sign of life. */
    @Column(name = "HEARTBEAT_AT", nullable = false)
    private Instant heartbeatAt;

    @Column(name = "FINISHED_AT")
    private Instant finishedAt;

    protected CustomerImport() {}

    public CustomerImport(
            String id,
            String actorSubject,
            String actorName,
            String fileName,
            String fileHash,
            int total,
            Instant startedAt) {
        this.id = id;
        this.actorSubject = actorSubject;
        this.actorName = actorName;
        this.fileName = fileName;
        this.fileHash = fileHash;
        this.total = total;
        this.state = State.RUNNING;
        this.startedAt = startedAt;
        this.heartbeatAt = startedAt;
    }

    /** Counts the outcome of a batch of lines, and beats. */
    public void counted(int created, int existing, int invalid, Instant now) {
        this.created += created;
        this.existing += existing;
        this.invalid += invalid;
        this.done += created + existing + invalid;
        this.heartbeatAt = now;
    }

    public void end(State state, Instant now) {
        this.state = state;
        this.finishedAt = now;
    }

    /** Running, but its instance has not beaten for longer than {@code silence}. */
    public boolean abandoned(Instant now, Duration silence) {
        return state == State.RUNNING && heartbeatAt.plus(silence).isBefore(now);
    }

    public String id() {
        return id;
    }

    public String actorSubject() {
        return actorSubject;
    }

    public String actorName() {
        return actorName;
    }

    public String fileName() {
        return fileName;
    }

    public String fileHash() {
        return fileHash;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public int created() {
        return created;
    }

    public int existing() {
        return existing;
    }

    public int invalid() {
        return invalid;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
