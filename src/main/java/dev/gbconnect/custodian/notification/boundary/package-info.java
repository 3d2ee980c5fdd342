/**
 * The data custodian staff's view of the outbox, and notices sent on demand. Transactions start here. Only boundary
 * code (this component's or another's) may use it: controls and entities never do (ArchitectureTest).
 */
package dev.gbconnect.custodian.notification.boundary;
