package dev.gbconnect.custodian.usage.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import java.util.Map;

/**
 * A resource stored as its ESPI element (re-serialized compactly, schema-valid) plus typed columns for what the
 * server queries. The element keeps every field espi.xsd 4.0 defines, extensions included, without a column per
 * field; feeds write it back unchanged.
 */
@MappedSuperclass
public abstract class DescribedResource extends UsageResource {

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT", nullable = false, length = 16 * 1024 * 1024)
    private byte[] content;

    protected DescribedResource() {}

    protected DescribedResource(String id) {
        super(id);
    }

    public byte[] content() {
        return content;
    }

    /** Takes the imported element and its leaf values; answers whether anything changed. */
    public boolean content(byte[] xml, Map<String, String> fields) {
        boolean changed = differ(content, xml);
        // Woven change tracking sees any new array as a change: an equal one kept out spares a BLOB rewrite.
        if (changed) content = xml;
        describe(fields);
        return changed;
    }

    /** Copies the values this resource keeps in columns from the element's leaf values (by path). */
    protected abstract void describe(Map<String, String> fields);

    static Long number(Map<String, String> fields, String path) {
        String v = fields.get(path);
        if (v == null) return null;
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer integer(Map<String, String> fields, String path) {
        Long v = number(fields, path);
        return v == null ? null : v.intValue();
    }
}
