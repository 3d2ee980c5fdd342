/**
 * Usage inventory, a customer's daily and monthly totals for the portal's charts, and forward-only scans over packed
 * readings. Joins the caller's transaction. Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.usage.control;
