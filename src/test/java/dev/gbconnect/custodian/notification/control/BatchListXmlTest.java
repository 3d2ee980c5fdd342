package dev.gbconnect.custodian.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gbconnect.custodian.testsupport.Atom;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchListXmlTest {

    @Test
    void listsEachUriValidAgainstTheSchemaWithQueriesEscaped() {
        List<String> uris = List.of(
                "https://dc.example/espi/1_1/resource/Batch/Subscription/1?published-min=2025-01-01T00:00:00Z&published-max=2025-01-02T00:00:00Z",
                "https://dc.example/espi/1_1/resource/Authorization/2");
        String xml = new String(BatchListXml.of(uris), StandardCharsets.UTF_8);
        assertEquals(uris, Atom.valid(xml).texts("/espi:BatchList/espi:resources"));
    }
}
