/**
 * OAuth 2.0 for Green Button Connect: the token endpoint (guards, then one class per grant: client_credentials,
 * authorization_code with PKCE, refresh_token with rotation), opaque tokens kept as hashes in the database (so
 * every instance agrees), revocation (RFC 7009), introspection (RFC 7662), metadata (RFC 8414), and the bearer
 * check in front of every protected resource. Every token belongs to an ESPI Authorization (package
 * {@code authorization}); the check joins it and the client, so ending either stops the token without a write
 * per token.
 */
package dev.gbconnect.custodian.oauth;
