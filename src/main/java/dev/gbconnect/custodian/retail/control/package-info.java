/**
 * Reading customer information: which a caller may read ({@code CustomerInfoReach}, decided per kind of path by
 * {@code CustomerInfoReaches}), the paths of the customer form
 * ({@code CustomerPath}), the rows ({@code CustomerInfoRows}, JDBC) and the Atom documents with their links
 * ({@code CustomerInfoDocuments}, {@code CustomerTree}).
 */
package dev.gbconnect.custodian.retail.control;
