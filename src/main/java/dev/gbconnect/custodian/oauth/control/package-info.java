/**
 * The token endpoint's guards, made once for every grant ({@code GrantDispatcher}: client authentication, a
 * registered grant type, the grant's declared parameters), then one class per grant type; issuing and looking up
 * tokens, and the sweep of what expired. Joins the caller's transaction. Must not use boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.oauth.control;
