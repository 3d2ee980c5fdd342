/**
 * The audit log (issue 19 item 8): what staff did, by whom, when, to what and why, append-only in the database.
 *
 * <p>May use: {@code platform}. Just above it in the component map, so any component's actions can be recorded.
 *
 * <p>Decisions. No update or delete path exists: the entity has no setters and no query changes its table. An entry
 * is written in the transaction of the action it records. Names of customers appear only as the target of an action
 * about them.
 */
package dev.gbconnect.custodian.audit;
