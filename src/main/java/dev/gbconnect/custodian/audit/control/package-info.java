/** Appending to the audit log and reading it back; joins the caller's transaction. */
package dev.gbconnect.custodian.audit.control;
