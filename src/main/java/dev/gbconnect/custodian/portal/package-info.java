/**
 * The customer portal: sign in, see one's usage (charts, totals, CSV and Green Button downloads), and manage the
 * applications one has shared data with. docs/portal.md describes it.
 *
 * <p>May use: {@code feed} (documents and CSV of one's own data), {@code usage}, {@code customer},
 * {@code authorization}, {@code atom}, {@code platform}. Nothing uses it: it is a top of the component map
 * (docs/design.md, enforced by ArchitectureTest).
 *
 * <p>Decisions. Sessions live in the database (only a hash of the cookie's random token), so any instance serves the
 * next page; pages are plain HTML forms with a strict Content-Security-Policy. Downloads go through the same feed
 * code and reach as the ESPI API, so a download is the document the API serves.
 */
package dev.gbconnect.custodian.portal;
