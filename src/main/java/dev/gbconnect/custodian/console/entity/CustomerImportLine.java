package dev.gbconnect.custodian.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** What became of one line of a {@link CustomerImport}: its id is the import's and the line number. */
@Entity
@Table(
        name = "CUSTOMER_IMPORT_LINE",
        indexes = @Index(name = "CUSTOMER_IMPORT_LINE_ORDER", columnList = "IMPORT_ID, LINE_NUMBER"))
public class CustomerImportLine {

    public enum Outcome {
        CREATED,
        EXISTS,
        INVALID;

        public String label() {
            return switch (this) {
                case CREATED -> "created";
                case EXISTS -> "already exists";
                case INVALID -> "invalid";
            };
        }
    }

    @Id
    @Column(length = 48)
    private String id;

    @Column(name = "IMPORT_ID", nullable = false, length = 36)
    private String importId;

    @Column(name = "LINE_NUMBER", nullable = false)
    private int line;

    @Column(length = 128)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", nullable = false, length = 16)
    private Outcome outcome;

    /** Why a line is invalid, or where else the file names the same customer. */
    @Column(length = 256)
    private String message;

    protected CustomerImportLine() {}

    public CustomerImportLine(String importId, int line, String username, Outcome outcome, String message) {
        this.id = importId + "/" + line;
        this.importId = importId;
        this.line = line;
        this.username = username;
        this.outcome = outcome;
        this.message = message;
    }

    public int line() {
        return line;
    }

    public String username() {
        return username;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String message() {
        return message;
    }
}
