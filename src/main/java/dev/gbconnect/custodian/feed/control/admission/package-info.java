/**
 * Admission: a bounded number of turns to work ({@code Turns}), handed out first come first served and taken from a
 * holder whose client has stopped reading. Plain concurrency with no knowledge of feeds, so it can be tested alone;
 * the boundary's FeedAdmission filter applies it to the usage resources.
 */
package dev.gbconnect.custodian.feed.control.admission;
