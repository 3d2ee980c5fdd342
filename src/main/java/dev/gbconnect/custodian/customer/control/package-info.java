/**
 * Finding and creating customers, checking passwords, and throttling failed sign-ins. Joins the caller's transaction.
 * Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.customer.control;
