/**
 * Retail customers: the people whose data we hold. Passwords are PBKDF2 hashes; the id is a v5 UUID of the
 * username, used as the retailCustomerId of ESPI paths.
 */
package dev.gbconnect.custodian.customer;
