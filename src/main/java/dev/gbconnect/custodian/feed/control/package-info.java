/**
 * Nothing of its own: the feed's logic by concern, in {@code reach}, {@code query}, {@code document} and {@code
 * admission} (see the component's package-info). Joins the caller's transaction. Must not use boundary code
 * (ArchitectureTest).
 */
package dev.gbconnect.custodian.feed.control;
