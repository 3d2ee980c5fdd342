/**
 * Portal sessions and the connected applications a customer sees. Joins the caller's transaction. Must not use
 * boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.portal.control;
