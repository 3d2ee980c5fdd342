/**
 * The Green Button upload ({@code POST /espi/1_1/resource/Batch/RetailCustomer/{id}/UsagePoint}).
 *
 * <p>Decisions. One pass over the stream: a StAX reader whose events also feed the JDK schema validator, one entry
 * in memory at a time. DTDs are refused, which rules out XXE and entity expansion. The whole file is one
 * transaction, flushed and cleared every few hundred rows: a problem anywhere rolls back everything, and the
 * uploader gets every problem as {@code line:column: message}. Re-importing is idempotent because ids derive from
 * the customer and the entry's id and self link (files in the wild reuse atom ids, so the id alone is not enough).
 *
 * <p>Memory is bounded per node, not only per entry: Woodstox's own limits bound text, attribute values, attribute
 * count and depth; NameLimit bounds names, which Woodstox does not; ValidatingStreamReader bounds text that
 * comments split into several events (the schema validator would buffer it whole). One entry is still held whole,
 * so an entry larger than the heap ends in OutOfMemoryError: platform.RollbackOnError rolls that back (Payara's
 * transaction interceptor commits on an Error) and the answer is 503. Times are bounded to what java.time and the
 * columns take (StoredRange), since espi.xsd's TimeType is any 64-bit value.
 */
package dev.gbconnect.custodian.ingest;
