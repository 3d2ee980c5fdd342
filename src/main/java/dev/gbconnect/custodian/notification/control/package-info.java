/**
 * The outbox, written by observers in the changing transaction, and the sender that delivers it with backoff. Joins
 * the caller's transaction. Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.notification.control;
