/**
 * A pending consent, from the checked request to the customer's decision and the code it yields. Joins the caller's
 * transaction. Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.consent.control;
