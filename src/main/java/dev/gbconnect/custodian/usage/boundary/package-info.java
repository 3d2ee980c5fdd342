/**
 * The operator's check of what an upload stored, down to reading counts and totals. Transactions start here. Only
 * boundary code (this component's or another's) may use it: controls and entities never do (ArchitectureTest).
 */
package dev.gbconnect.custodian.usage.boundary;
