/**
 * OAuth 2.0 for Green Button Connect: the token endpoint, one class per grant, opaque bearer tokens kept as hashes
 * in the database (so every instance agrees), and the bearer check in front of every protected resource.
 * So far: the client_credentials grant for the data custodian's admin client, and the ESPI admin scopes.
 */
package dev.gbconnect.custodian.oauth;
