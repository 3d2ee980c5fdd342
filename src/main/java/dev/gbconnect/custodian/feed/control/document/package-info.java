/**
 * Atom writing for usage data: entries, feeds and batches ({@code UsageDocuments}) through {@code atom.AtomWriter},
 * their self, up and related links ({@code UsageLinks}) and RFC 5005 paging links ({@code Page}), IntervalBlocks as
 * bytes ({@code IntervalBlockXml}), and the readings as CSV ({@code UsageCsv}). Uses {@code query} and {@code reach};
 * nothing in this component below the boundary uses it.
 */
package dev.gbconnect.custodian.feed.control.document;
