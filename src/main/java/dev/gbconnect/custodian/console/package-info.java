/**
 * The operator console (issue 19): the utility's staff sign in at {@code /console} and run the custodian from a
 * browser: a dashboard, customers (search, create, disable and enable, one-time password-reset links), third parties
 * (ESPI application status, secrets, notices), customers' Authorizations (search, end, offline grants), staff
 * accounts and the audit log. docs/console.md describes it.
 *
 * <p>May use: {@code audit}, {@code notification}, {@code oauth} (the offline grant), {@code usage}, {@code customer}, {@code authorization},
 * {@code platform}; and {@code retail}'s table of customer information in one JPQL query, the customer search by
 * account number (no class of {@code retail}, so ArchitectureTest's map does not list it). Nothing uses it: it is a
 * top of the component map (docs/design.md, enforced by ArchitectureTest).
 *
 * <p>Decisions. Pages are jte templates (src/main/jte/console), escaped by default. A signed-in member of staff is a
 * {@code control.StaffIdentity} (subject, name, roles), however they signed in: a local account, or the utility's
 * OpenID Connect provider (authorization code with PKCE through the Nimbus SDK; the pending request waits in the
 * database, so any instance takes the answer), which makes one from the ID token and starts the same session. Sessions live in the database (only a hash of the
 * cookie's token), so any instance serves the next page; every form carries the session's token; the role is checked
 * on the server before every action, and every action is written to the audit log in its own transaction.
 */
package dev.gbconnect.custodian.console;
