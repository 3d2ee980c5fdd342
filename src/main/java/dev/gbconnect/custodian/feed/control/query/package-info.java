/**
 * Usage queries: every SQL statement a feed runs, assembled from parameterized conditions ({@code Sql}) so no value
 * is spliced into the text. {@code UsageKind} names each resource's table and columns; {@code ReachConditions}
 * restricts them to a {@code Reach} with correlated EXISTS probes (Derby evaluated an uncorrelated IN once per
 * candidate row); {@code FeedQuery} adds the ESPI query parameters; {@code UsageRows} streams the rows through plain
 * JDBC. A bulk request's Subscriptions are read a range of Authorization ids at a time ({@code
 * UsageKind.selectBulk}): the third party, the bulk id, the Authorizations' state and the consented usage points are
 * joined in the SQL, each Authorization's own period and intervals are checked on its rows by the caller (one
 * statement cannot carry a different bound per Authorization). May use
 * {@code reach}; must not use {@code document}, which builds on it.
 */
package dev.gbconnect.custodian.feed.control.query;
