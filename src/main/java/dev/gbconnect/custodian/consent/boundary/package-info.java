/**
 * The authorization endpoint (RFC 6749 §3.1) and the consent and scope selection pages. Transactions start here. Only
 * boundary code (this component's or another's) may use it: controls and entities never do (ArchitectureTest).
 */
package dev.gbconnect.custodian.consent.boundary;
