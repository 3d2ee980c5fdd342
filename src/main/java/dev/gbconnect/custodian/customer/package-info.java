/**
 * Retail customers: the people whose data we hold. Passwords are PBKDF2 hashes; the id is a v5 UUID of the
 * username, used as the retailCustomerId of ESPI paths.
 *
 * <p>May use: {@code authorization} (scopes of the admin API), {@code atom} (the v5 id), {@code platform}. Must not use
 * {@code usage}, {@code oauth} or anything else above it in the component map (docs/design.md, enforced by
 * ArchitectureTest); usage points refer to their customer, not the other way.
 */
package dev.gbconnect.custodian.customer;
