/**
 * The portal's pages and downloads. Transactions start here. Only boundary code (this component's or another's) may
 * use it: controls and entities never do (ArchitectureTest).
 */
package dev.gbconnect.custodian.portal.boundary;
