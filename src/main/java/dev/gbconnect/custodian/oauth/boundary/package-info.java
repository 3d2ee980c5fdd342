/**
 * The token endpoint (guards, then a grant), revocation (RFC 7009), introspection (RFC 7662), metadata (RFC 8414),
 * offline grants, and the RFC 6750 bearer check in front of every {@code RequiresScope} resource. Transactions start
 * here. Only boundary code (this component's or another's) may use it: controls and entities never do
 * (ArchitectureTest).
 */
package dev.gbconnect.custodian.oauth.boundary;
