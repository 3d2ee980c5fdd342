/**
 * The data custodian's own admin client and the HTTP Basic check in front of operator APIs. Deliberately small:
 * the OAuth work replaces Basic with client_credentials bearer tokens.
 */
package dev.gbconnect.custodian.admin;
