/**
 * OAuth 2.0 for Green Button Connect: the token endpoint, one class per grant, opaque bearer tokens kept as hashes
 * in the database (so every instance agrees), and the bearer check in front of every protected resource.
 * So far: the client_credentials grant for the data custodian's admin client with the ESPI admin scopes,
 * revocation (RFC 7009), introspection (RFC 7662) and the server metadata (RFC 8414).
 */
package dev.gbconnect.custodian.oauth;
