/**
 * The Green Button uploads: usage data ({@code POST /espi/1_1/resource/Batch/RetailCustomer/{id}/UsagePoint}) and
 * customer information ({@code POST /espi/1_1/resource/Batch/RetailCustomer/{id}}), both through one pass
 * ({@code control.UploadPass}) that differs only in what it does with each entry.
 *
 * <p>May use: {@code usage} and {@code retail} (the entities it writes), {@code customer}, {@code authorization} (the upload scope),
 * {@code atom} (namespaces and ids), {@code platform}. Must not use {@code feed}, {@code oauth} or
 * {@code notification}: notification observes {@code control.UsageChanged} instead of being called, so an upload
 * knows nothing of who is told. The component map (docs/design.md, enforced by ArchitectureTest) holds this.
 *
 * <p>Decisions. One pass over the stream: a StAX reader whose events also feed the JDK schema validator, one entry
 * in memory at a time. DTDs are refused, which rules out XXE and entity expansion. The whole file is one
 * transaction, flushed and cleared every few hundred rows: a problem anywhere rolls back everything, and the
 * uploader gets every problem as {@code line:column: message}. Re-importing is idempotent because ids derive from
 * the customer and the entry's id and self link (files in the wild reuse atom ids, so the id alone is not enough).
 *
 * <p>Uploads for one customer take turns: each first locks the customer's row ({@code SELECT … FOR UPDATE}) until
 * its transaction ends. Two uploads naming the same UsagePoint (the same file twice, or two days of a nightly
 * delivery) would otherwise both find no row, both insert the same id, and one would fail on the duplicate key.
 * Since every id derives from the customer, only uploads for the same customer can collide, and only they wait;
 * the one that waited then finds what the first stored and updates it. Rejected alternatives: insert-if-absent per
 * row (PostgreSQL's {@code ON CONFLICT DO NOTHING}; on Derby a savepoint around every insert) writes through JDBC
 * beside JPA and still deadlocks when two files list the same UsagePoints in a different order; retrying the whole
 * transaction needs the body again, which is streamed and up to 4 GiB, so it would have to be spooled to disk
 * first. The lock costs one indexed read per upload.
 * A bulk upload of many customers' information holds each stored customer it names the same way, a chunk of them
 * with one statement; a customer it creates is no row to wait on yet, so two bulk uploads creating the same new customer at once end in
 * the unique key (or a deadlock) for one of them, answered 409 {@code upload_conflict} for the same reasons.
 *
 * <p>The bulk upload writes through plain JDBC batches on the transaction's connection, not the entity layer: for
 * 100,000 customers the entity layer's per-row work (a read by id, change tracking, a flush) was most of the upload
 * (docs/performance.md). It writes the columns the entities map, compared as the entities compare them, so either
 * path finds the other's rows unchanged; one customer's upload, a few rows, stays with the entities.
 *
 * <p>Memory is bounded per node, not only per entry: Woodstox's own limits bound text, attribute values, attribute
 * count and depth; NameLimit bounds names, which Woodstox does not; ValidatingStreamReader bounds text that
 * comments split into several events (the schema validator would buffer it whole). One entry is still held whole,
 * so an entry larger than the heap ends in OutOfMemoryError: platform.RollbackOnError rolls that back (Payara's
 * transaction interceptor commits on an Error) and the answer is 503. Times are bounded to what java.time and the
 * columns take (StoredRange), since espi.xsd's TimeType is any 64-bit value.
 */
package dev.gbconnect.custodian.ingest;
