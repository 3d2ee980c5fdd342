/**
 * One class per grant type, the token request's checks, issuing and looking up tokens, and the sweep of what
 * expired. Joins the caller's transaction. Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.oauth.control;
