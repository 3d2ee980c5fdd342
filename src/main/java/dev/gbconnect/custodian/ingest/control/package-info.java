/**
 * Reading, validating and importing a Green Button file: the StAX reader and its schema check, the import run (its
 * links, row writer, tally and changed spans apart, each holding a few fields), the problems report, and the {@code UsageChanged} event others observe. Joins the caller's transaction.
 * Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.ingest.control;
