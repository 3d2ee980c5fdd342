/**
 * Notifications to third parties (ESPI BatchList pushes): an outbox written in the transaction of the change it
 * announces, by CDI observers of that change's events (new usage data, an Authorization or a registration changed),
 * and a sender that delivers it apart, with retries and backoff, so a slow or gone third party holds up nothing.
 * docs/notifications.md has the details.
 *
 * <p>May use: {@code ingest} (its {@code UsageChanged} event), {@code authorization} (clients, Authorizations and
 * their events), {@code atom}, {@code platform}. Nothing uses it: it is a top of the component map (docs/design.md,
 * enforced by ArchitectureTest).
 *
 * <p>Decisions. A notice is leased to one sender by a conditional update in the database, so several instances
 * share the outbox without a coordinator; each notice stores the public base it names, so a changed host name does
 * not rewrite notices already written.
 */
package dev.gbconnect.custodian.notification;
