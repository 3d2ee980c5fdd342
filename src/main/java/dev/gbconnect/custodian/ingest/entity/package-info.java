/** The upload history's one entity. */
package dev.gbconnect.custodian.ingest.entity;
