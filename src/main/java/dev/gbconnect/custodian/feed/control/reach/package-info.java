/**
 * Access reach: which usage data a caller may read ({@code Reach}: everything, a customer's, or an Authorization's
 * Subscription, with its time and interval bounds), under which path form ({@code Tree}), decided per kind of path
 * by {@code Reaches}. Values and decisions only, no SQL: {@code query.ReachConditions} turns a reach into conditions.
 * Uses {@code authorization} (Authorizations, the caller) and {@code atom} (EspiUris); must not use the other feed
 * packages, which all build on it.
 */
package dev.gbconnect.custodian.feed.control.reach;
