package dev.gbconnect.custodian.ingest.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/** What one upload did, per ESPI resource kind and for the readings inside IntervalBlocks. */
@JsonbPropertyOrder({"retailCustomerId", "resources", "readings"})
public record ImportReport(String retailCustomerId, Map<String, Counts> resources, Counts readings) {

    public record Counts(long created, long updated, long unchanged) {}

    public boolean createdAnything() {
        return resources.values().stream().anyMatch(c -> c.created() > 0);
    }
}
