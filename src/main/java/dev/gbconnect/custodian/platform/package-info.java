/**
 * Wiring that no business component owns: the JAX-RS application, the data source chosen from configuration, the
 * schema migrations run at start, the one place where errors become responses (a closed set per protocol, each with
 * its own mapper: {@link dev.gbconnect.custodian.platform.ApiError}, {@link dev.gbconnect.custodian.platform.BearerError},
 * {@link dev.gbconnect.custodian.platform.OAuthError}, {@link dev.gbconnect.custodian.platform.PageError},
 * {@link dev.gbconnect.custodian.platform.AuthorizationError}), the bound on request bodies, password hashing, and
 * the brute-force brakes ({@link dev.gbconnect.custodian.platform.Brakes}) that the sign-in throttle (customer) and
 * the client-secret lockout (authorization) share, each counting into a row of its own component.
 *
 * <p>Observation too: one filter ({@link dev.gbconnect.custodian.platform.Observation}) sees every request once and
 * feeds the metrics and the access log; the components count their own work into
 * {@link dev.gbconnect.custodian.platform.Metrics} (readings uploaded and streamed, the feed queue, the outbox).
 * {@code /metrics} and {@code /openapi} are served here rather than by Payara: its exposition repeated every series
 * in one scrape, and its OpenAPI document was generated 3.0 with regular expressions for paths (issue 18).
 *
 * <p>The schema belongs to Flyway, not to EclipseLink: every change is a versioned migration per dialect, so that a
 * database made by any earlier build (Derby or PostgreSQL) is brought forward in place, and instances sharing one
 * database agree on its version. The migrations are held against EclipseLink's own DDL for the entities by
 * SchemaMigrationIT.
 *
 * <p>May use no business component: everything depends on it, so it depends on nothing of ours (the component map
 * (docs/design.md, enforced by ArchitectureTest)).
 */
package dev.gbconnect.custodian.platform;
