/** Green Button XML output and the stable entry ids every resource is published under. */
package dev.gbconnect.custodian.feed;
