/**
 * The ESPI usage data as Green Button documents: single entries, feeds of one kind, and batches of whole usage point
 * trees (Batch/Subscription, Batch/Bulk, Batch/RetailCustomer for Download My Data), plus a CSV of the readings for
 * the customer portal. This is the hot path of the product.
 *
 * <p>May use: {@code usage}, {@code customer}, {@code authorization}, {@code atom}, {@code platform}. Used by:
 * {@code portal} only. Must not use {@code oauth}, {@code ingest} or anything above it in the component map
 * (docs/design.md, enforced by ArchitectureTest).
 *
 * <p>Decisions.
 * <ul>
 * <li>One concern per package, each named for what a reader looks for: {@code control.reach} decides who reads
 * what, {@code control.query} holds every SQL statement a feed runs, {@code control.document} writes the bytes,
 * {@code control.admission} bounds how many reads work at once. Inside, dependencies point one way: document uses
 * query and reach, query uses reach, reach uses neither.</li>
 * <li>Access is decided in the SQL that loads the data, never by comparing paths: every query carries the caller's
 * {@code Reach}, and a row out of reach answers exactly like one that does not exist.</li>
 * <li>Plain JDBC with forward-only cursors rather than JPA: a year of 15-minute data streams with one row in
 * memory, and PostgreSQL streams only inside a transaction, so each document reads on its own read-only
 * connection.</li>
 * <li>Every failure is decided before the first byte (a parent out of reach, a bad page); after it, an error can
 * only cut the connection, never produce a short valid document.</li>
 * <li>IntervalBlocks are written as bytes from their packed form, not through StAX: readings are nearly all of
 * every feed, and only digits and fixed element names are written.</li>
 * </ul>
 */
package dev.gbconnect.custodian.feed;
