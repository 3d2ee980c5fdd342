/**
 * The operator's API for retail customers. Transactions start here. Only boundary code (this component's or another's)
 * may use it: controls and entities never do (ArchitectureTest).
 */
package dev.gbconnect.custodian.customer.boundary;
