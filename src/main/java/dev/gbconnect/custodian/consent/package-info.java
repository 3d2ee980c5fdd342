/**
 * The authorization endpoint and the customer's pages: sign in, see who asks for what in plain words, choose
 * usage points and an end day, allow or deny. No HTTP session: the checked request waits in the database, bound
 * to the browser by a cookie hash and to the page by a handle that is replaced at sign-in, so any instance can
 * serve any step and a cross-site form post or a copied handle gets nowhere. Pages are plain HTML forms: no
 * script, a strict Content-Security-Policy, usable at phone width.
 */
package dev.gbconnect.custodian.consent;
