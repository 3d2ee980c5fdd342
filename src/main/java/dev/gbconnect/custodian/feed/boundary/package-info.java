/**
 * The usage feed resources ({@code /espi/1_1/resource/...} for UsagePoint and below, Subscription and Bulk batches,
 * Download My Data) and the admission filter in front of them. Resources check the bearer token
 * ({@code authorization.boundary.RequiresScope}), ask {@code control.reach} for the caller's tree, and hand a streamed
 * body from {@code control.document} to JAX-RS. May use this component's controls and the components the map allows;
 * nothing below may use this package.
 */
package dev.gbconnect.custodian.feed.boundary;
