/**
 * The authorization endpoint and the customer's pages: sign in, see who asks for what in plain words, choose
 * usage points and an end day, allow or deny. No HTTP session: the checked request waits in the database, bound
 * to the browser by a cookie hash and to the page by a handle that is replaced at sign-in, so any instance can
 * serve any step and a cross-site form post or a copied handle gets nowhere. Pages are plain HTML forms: no
 * script, a strict Content-Security-Policy, usable at phone width.
 *
 * <p>May use: {@code oauth} (issuing the code), {@code usage} (the customer's usage points), {@code customer},
 * {@code authorization}, {@code platform}. Nothing uses it: it is a top of the component map (docs/design.md, enforced
 * by ArchitectureTest).
 */
package dev.gbconnect.custodian.consent;
