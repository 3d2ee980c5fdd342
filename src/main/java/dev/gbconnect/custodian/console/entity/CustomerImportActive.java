package dev.gbconnect.custodian.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The file a {@link CustomerImport} is running, while it runs: the primary key on the file's hash refuses a second
 * import of the same file on every instance at once, which a check before inserting could not.
 */
@Entity
@Table(name = "CUSTOMER_IMPORT_ACTIVE")
public class CustomerImportActive {

    @Id
    @Column(name = "FILE_HASH", length = 64)
    private String fileHash;

    @Column(name = "IMPORT_ID", nullable = false, length = 36)
    private String importId;

    protected CustomerImportActive() {}

    public CustomerImportActive(String fileHash, String importId) {
        this.fileHash = fileHash;
        this.importId = importId;
    }

    public String importId() {
        return importId;
    }
}
