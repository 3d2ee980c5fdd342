/**
 * The data custodian's own admin client: its id and hashed secret, configured or generated on first start. It
 * authenticates at the token endpoint and works with client_credentials bearer tokens.
 */
package dev.gbconnect.custodian.admin;
