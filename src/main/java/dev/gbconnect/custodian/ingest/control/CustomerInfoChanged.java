package dev.gbconnect.custodian.ingest.control;

/**
 * Fired inside an upload's transaction once a file of customer information is accepted that created or changed at
 * least one of the retail customer's resources; an unchanged re-upload fires nothing. Observers write in the same
 * transaction, as for {@link UsageChanged}.
 */
public record CustomerInfoChanged(String customerId) {}
