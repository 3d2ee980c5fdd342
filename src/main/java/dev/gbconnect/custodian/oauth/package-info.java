/**
 * OAuth 2.0 for Green Button Connect: the token endpoint (guards, then one class per grant: client_credentials,
 * authorization_code with PKCE, refresh_token with rotation), opaque tokens kept as hashes in the database (so
 * every instance agrees), revocation (RFC 7009), introspection (RFC 7662), metadata (RFC 8414), and the bearer
 * check in front of every protected resource. Every token belongs to an ESPI Authorization (package
 * {@code authorization}); the check joins it and the client, so ending either stops the token without a write
 * per token.
 *
 * <p>Also offline authorization (a customer's grant made by support staff, {@code
 * boundary.CustomerAuthorizationsResource}), which issues tokens and so lives beside the grants.
 *
 * <p>May use: {@code usage} and {@code customer} (the password and offline grants), {@code authorization} (clients,
 * Authorizations, the caller it fills in), {@code atom}, {@code platform}. Used by {@code consent} only. Must not use
 * {@code feed}, {@code ingest} or anything else above it in the component map (docs/design.md, enforced by
 * ArchitectureTest).
 */
package dev.gbconnect.custodian.oauth;
