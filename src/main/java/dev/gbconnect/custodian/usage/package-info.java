/**
 * The ESPI usage resources: UsagePoint, MeterReading, ReadingType, IntervalBlock, UsageSummary (and the deprecated
 * ElectricPowerUsageSummary), ElectricPowerQualitySummary, LocalTimeParameters.
 *
 * <p>Decisions. Descriptive resources keep their ESPI element as imported (re-serialized compactly after schema
 * validation) plus typed columns for the values the server filters or joins on; every field of espi.xsd 4.0,
 * extensions included, therefore survives without a column per field, and feeds write the element back as is.
 * IntervalBlocks keep their readings packed into one column ({@code PackedReadings}): a row per reading would cap
 * Derby near 38k inserts/s and 250k scanned readings/s, a row per block passes 1.5M and 5M. Time-window queries
 * select blocks by the indexed interval columns. Ids are name-based v5 UUIDs (see {@code atom.EntryIds}).
 * Instants are stored as epoch milliseconds.
 *
 * <p>May use: {@code customer} (a usage point's customer), {@code authorization} (the inventory's scope),
 * {@code platform}. Must not use {@code feed}, {@code ingest} or {@code oauth}, which read and write these resources
 * from above (the component map (docs/design.md, enforced by ArchitectureTest)).
 */
package dev.gbconnect.custodian.usage;
