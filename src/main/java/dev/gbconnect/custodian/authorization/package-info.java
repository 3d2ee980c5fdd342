/**
 * Who may have access: OAuth clients (the admin client and registered third parties, ESPI ApplicationInformation)
 * with their secrets, and ESPI Authorizations with their Subscriptions. Decisions:
 * <ul>
 * <li>One client table for every kind of client, so client authentication and the token check are one path.</li>
 * <li>At most two active secrets per client, for rotation without downtime; generated secrets get a fast hash
 * (256 random bits need no key stretching), configured ones PBKDF2.</li>
 * <li>A back-office client's tokens share one standing Authorization per scope instead of one each, so a busy
 * client leaves no trail of rows and the ESPI authorizationURI stays stable.</li>
 * <li>A customer's Subscription is the set of usage points they chose, kept with the Authorization; data
 * queries join through it.</li>
 * </ul>
 *
 * <p>Also the caller of a request: the bearer token's {@code control.Caller}, the {@code control.Scopes} it may carry,
 * {@code boundary.RequiresScope} on resources and {@code boundary.CurrentCaller}; they live here because the
 * decision "may this caller do this" is this component's, and every component that serves callers uses them.
 *
 * <p>Also the admin API's record in the audit log ({@code boundary.AdminAudit}): every change an admin-API caller makes
 * is written with that client as the actor, by whichever component's resource makes it, because the caller is known
 * here.
 *
 * <p>May use: {@code audit}, {@code atom}, {@code platform}. Must not use {@code customer}, {@code usage}, {@code oauth} or anything
 * else above it in the component map (docs/design.md, enforced by ArchitectureTest); the token endpoint ({@code oauth})
 * fills in the caller and the offline grant for a customer lives there too.
 */
package dev.gbconnect.custodian.authorization;
