package dev.gbconnect.custodian.console.boundary;

import dev.gbconnect.custodian.console.control.CustomerImports;
import dev.gbconnect.custodian.console.entity.CustomerImportLine;
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

/** An import's per-line result as CSV (RFC 4180), read a page of lines at a time as the answer streams. */
@ApplicationScoped
public class CustomerImportCsv {

    private static final int PAGE = 1000;

    @Inject
    CustomerImports imports;

    @Transactional
    public void write(String importId, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("line,username,result,message\r\n");
        int from = 0;
        while (true) {
            List<CustomerImportLine> lines = imports.lines(importId, from, PAGE, false);
            for (CustomerImportLine l : lines)
                w.write(l.line() + "," + AuditCsv.cell(l.username()) + ","
                        + AuditCsv.cell(l.outcome().label()) + "," + AuditCsv.cell(l.message()) + "\r\n");
            imports.forget();
            if (lines.size() < PAGE) break;
            from = lines.get(lines.size() - 1).line() + 1;
        }
        w.flush();
    }
}
