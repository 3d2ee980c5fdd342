/**
 * Retail customers and their failed sign-ins. Entities use only entities (their own component's, or those of
 * components the map lets it use) and {@code platform}; never control or boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.customer.entity;
