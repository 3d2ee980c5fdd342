package dev.gbconnect.custodian.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What every ESPI usage resource has: a stable v5 id, the Atom metadata it was imported with, and where it came
 * from (the uploaded entry's id and self link, kept for tracing a row back to a file).
 */
@MappedSuperclass
public abstract class UsageResource {

    /** Column sizes; Atom itself bounds none of these, so the importer checks them first. */
    public static final int TITLE_LENGTH = 512, SOURCE_ID_LENGTH = 256, SOURCE_HREF_LENGTH = 1024;

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = TITLE_LENGTH)
    private String title;

    private Instant published;

    private Instant updated;

    @Column(name = "SOURCE_ID", length = SOURCE_ID_LENGTH)
    private String sourceId;

    @Column(name = "SOURCE_HREF", length = SOURCE_HREF_LENGTH)
    private String sourceHref;

    protected UsageResource() {}

    protected UsageResource(String id) {
        this.id = Objects.requireNonNull(id);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Instant published() {
        return published;
    }

    public Instant updated() {
        return updated;
    }

    public String sourceId() {
        return sourceId;
    }

    public String sourceHref() {
        return sourceHref;
    }

    /** Takes the Atom metadata of an import; answers whether anything changed. */
    public boolean atom(String title, Instant published, Instant updated, String sourceId, String sourceHref) {
        boolean changed = !Objects.equals(this.title, title)
                || !Objects.equals(this.published, published)
                || !Objects.equals(this.updated, updated)
                || !Objects.equals(this.sourceId, sourceId)
                || !Objects.equals(this.sourceHref, sourceHref);
        this.title = title;
        this.published = published;
        this.updated = updated;
        this.sourceId = sourceId;
        this.sourceHref = sourceHref;
        return changed;
    }

    static boolean differ(byte[] a, byte[] b) {
        return !Arrays.equals(a, b);
    }
}
