/**
 * Clients and Authorizations (creating, ending, finding them), the caller and its scopes, the admin client set up at
 * start, the ESPI XML of Authorizations and ApplicationInformation, and the events other components observe when they
 * change. Joins the caller's transaction. Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.authorization.control;
