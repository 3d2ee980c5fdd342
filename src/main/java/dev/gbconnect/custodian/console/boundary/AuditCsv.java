package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.audit.control.AuditLog;
import dev.gbconnect.custodian.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The audit log as CSV (RFC 4180), written inside its own transaction while the answer streams, a page of entries
 * at a time so memory stays flat. The export itself is an entry of the log.
 */
@ApplicationScoped
public class AuditCsv {

    private static final int BATCH = 500;

    @Inject
    AuditLog audit;

    @Transactional
    public void write(AuditLog.Filter filter, AuditLog.Actor actor, OutputStream out) throws IOException {
        audit.record(actor, "audit.export", null, null);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("time,actor_subject,actor_name,action,target,reason\r\n");
        for (int offset = 0; ; offset += BATCH) {
            List<AuditEntry> entries = audit.find(filter, offset, BATCH);
            for (AuditEntry e : entries)
                w.write(String.join(
                                ",",
                                cell(e.occurredAt().toString()),
                                cell(e.actorSubject()),
                                cell(e.actorName()),
                                cell(e.action()),
                                cell(e.target()),
                                cell(e.reason()))
                        + "\r\n");
            audit.forget();
            if (entries.size() < BATCH) break;
        }
        w.flush();
    }

    /**
     * Quoted, quotes doubled; a cell a spreadsheet would run as a formula (OWASP CSV injection) gets a leading
     * apostrophe.
     */
    static String cell(String value) {
        if (value == null) return "";
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
