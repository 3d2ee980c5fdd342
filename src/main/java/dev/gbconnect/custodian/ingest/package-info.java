/**
 * The Green Button upload ({@code POST /espi/1_1/resource/Batch/RetailCustomer/{id}/UsagePoint}).
 *
 * <p>May use: {@code usage} (the entities it writes), {@code customer}, {@code authorization} (the upload scope),
 * {@code atom} (namespaces and ids), {@code platform}. Must not use {@code feed}, {@code oauth} or
 * {@code notification}: notification observes {@code control.UsageChanged} instead of being called, so an upload
 * knows nothing of who is told. The component map (docs/design.md, enforced by ArchitectureTest) holds this.
 *
 * <p>Decisions. One pass over the stream: a StAX reader whose events also feed the JDK schema validator, one entry
 * in memory at a time. DTDs are refused, which rules out XXE and entity expansion. The whole file is one
 * transaction, flushed and cleared every few hundred rows: a problem anywhere rolls back everything, and the
 * uploader gets every problem as {@code line:column: message}. Re-importing is idempotent because ids derive from
 * the customer and the entry's id and self link (files in the wild reuse atom ids, so the id alone is not enough).
 */
package dev.gbconnect.custodian.ingest;
